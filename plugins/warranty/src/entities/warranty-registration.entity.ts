import { Customer } from '@aftercare/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import {
  type CoverageType,
  CoverageTypeEnum,
  type LegalBasis,
  LegalBasisEnum,
  type RegistrationSource,
  RegistrationSourceEnum,
  type RegistrationStatus,
  RegistrationStatusEnum,
  type StartBasis,
  StartBasisEnum,
  type UsDesignation,
  UsDesignationEnum,
} from '../domain.js';

/**
 * An item registered for commercial coverage. The policy's terms are copied at registration so a
 * later policy edit does not change what was promised; `startsAt`/`endsAt` are computed in the
 * customer's time zone (end exclusive, local midnight).
 */
@Entity({ name: 'warranty_registration' })
@Index('UQ_warranty_registration_purchase', ['purchaseId'], { unique: true, where: '"purchase_id" IS NOT NULL' })
@Index('UQ_warranty_registration_serial', ['modelId', 'serialNumber'], { unique: true, where: '"serial_number" IS NOT NULL' })
@Index('IDX_warranty_registration_customer', ['customerId'])
@Index('IDX_warranty_registration_serial', ['serialNumber'])
@Index('IDX_warranty_registration_ends', ['status', 'endsAt'])
@ObjectType('WarrantyRegistration', { description: 'An item registered for warranty coverage, with its start and end.' })
export class WarrantyRegistration {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  customer?: Relation<Customer>;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The core purchase; null for items bought from other sellers.' })
  purchaseId: string | null;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  modelId: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  serialNumber: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  purchasedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where it was bought when not from us.' })
  seller: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Proof of purchase: receipt number or attachment reference.' })
  proofOfPurchaseRef: string | null;

  @Column({ type: 'text' })
  @Field(() => RegistrationSourceEnum)
  source: RegistrationSource;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The policy the terms were copied from; null for the model default.' })
  policyId: string | null;

  @Column({ type: 'text' })
  @Field()
  policyName: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  months: number;

  @Column({ type: 'text' })
  @Field(() => StartBasisEnum)
  startFrom: StartBasis;

  @Column({ type: 'text', array: true })
  @Field(() => [CoverageTypeEnum])
  coverageTypes: CoverageType[];

  @Column({ type: 'text', array: true, default: '{}' })
  @Field(() => [String])
  exclusions: string[];

  @Column({ type: 'text' })
  @Field(() => LegalBasisEnum)
  legalBasis: LegalBasis;

  @Column({ type: 'text', nullable: true })
  @Field(() => UsDesignationEnum, { nullable: true })
  usDesignation: UsDesignation | null;

  @Column({ type: 'boolean', default: false })
  @Field()
  transferable: boolean;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'Start of the commercial period (local midnight of the start day).' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'End of the commercial period, exclusive (local midnight after the last covered day).' })
  endsAt: Date;

  @Column({ type: 'text', default: 'active' })
  @Field(() => RegistrationStatusEnum)
  status: RegistrationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  reminderSentAt: Date | null;

  @Column({ type: 'text' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
