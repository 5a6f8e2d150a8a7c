import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type CoverageType, CoverageTypeEnum } from '../domain.js';

/** An extended warranty sold on top of a registration: price, term, claim cap and deductible. */
@Entity({ name: 'warranty_contract' })
@Index('IDX_warranty_contract_registration', ['registrationId'])
@ObjectType('ExtendedWarrantyContract', { description: 'An extended warranty sold on top of a registration.' })
export class WarrantyContract {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  registrationId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Price paid, minor units.' })
  priceMinor: number;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  termMonths: number;

  @Column({ type: 'timestamptz' })
  @Field()
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'Exclusive end.' })
  endsAt: Date;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Most the contract pays over its life (minor units); null for no cap.' })
  claimCapMinor: number | null;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Paid out so far (minor units).' })
  claimedMinor: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'What the customer pays per claim (minor units).' })
  deductibleMinor: number;

  @Column({ type: 'text', array: true })
  @Field(() => [CoverageTypeEnum])
  coverageTypes: CoverageType[];

  @Column({ type: 'text', array: true, default: '{}' })
  @Field(() => [String])
  exclusions: string[];

  @Column({ type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
