import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { type RepairOutcome, RepairOutcomeEnum, type RepairStatus, RepairStatusEnum } from '../domain.js';

/**
 * The work done on an item, from an approved claim or as a paid repair. Paid repairs start only
 * after the customer accepted the estimate (services/repair-state-machine.ts).
 */
@Entity({ name: 'warranty_repair_order' })
@Index('IDX_warranty_repair_order_serial', ['serialNumber'])
@Index('IDX_warranty_repair_order_status', ['status'])
@Index('IDX_warranty_repair_order_claim', ['claimId'])
@ObjectType('RepairOrder', { description: 'Diagnosis, parts, labour, technician, visits and outcome of a repair.' })
export class RepairOrder {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'int', generated: 'increment', unique: true })
  @Field(() => Int, { description: 'Shown as RO-<number>.' })
  number: number;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The approved claim; null for a paid repair.' })
  claimId: string | null;

  @Column({ type: 'boolean' })
  @Field({ description: 'A paid post-warranty repair (needs an accepted estimate).' })
  paid: boolean;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  modelId: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  serialNumber: string | null;

  @Column({ type: 'text', default: 'open' })
  @Field(() => RepairStatusEnum)
  status: RepairStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  diagnosis: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  @Field(() => [String])
  faultCodes: string[];

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The staff user doing the work.' })
  technicianId: string | null;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int)
  labourMinutes: number;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Estimate for a paid repair, minor units.' })
  estimateMinor: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  @Field(() => String, { nullable: true })
  currency: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  estimateNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  estimateAnsweredAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => RepairOutcomeEnum, { nullable: true })
  outcome: RepairOutcome | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Serial of the replacement unit when replaced.' })
  replacementSerial: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Column({ type: 'text' })
  createdBy: string;

  @VersionColumn()
  @Field(() => Int)
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
