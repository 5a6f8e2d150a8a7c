import { Customer } from '@aftercare/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  type ClaimStatus,
  ClaimStatusEnum,
  type ConsumerRemedy,
  ConsumerRemedyEnum,
  type LegalBasis,
  LegalBasisEnum,
  type RepairOutcome,
  RepairOutcomeEnum,
} from '../domain.js';

/**
 * A request for repair or replacement under warranty. `status` changes only through the transition
 * table (services/claim-state-machine.ts) under a row lock. `entitlement` keeps the coverage answer
 * at submission so the reviewer sees what the check said then.
 */
@Entity({ name: 'warranty_claim' })
@Index('IDX_warranty_claim_serial', ['serialNumber'])
@Index('IDX_warranty_claim_customer', ['customerId', 'createdAt'])
@Index('IDX_warranty_claim_status', ['status'])
@ObjectType('WarrantyClaim', { description: 'A request for repair or replacement under warranty.' })
export class WarrantyClaim {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'int', generated: 'increment', unique: true })
  @Field(() => Int, { description: 'Shown as WC-<number>.' })
  number: number;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  customer?: Relation<Customer>;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  registrationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  purchaseId: string | null;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  modelId: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  serialNumber: string | null;

  @Column({ type: 'text', default: 'submitted' })
  @Field(() => ClaimStatusEnum)
  status: ClaimStatus;

  @Column({ type: 'text' })
  @Field({ description: 'The fault as the customer or agent describes it.' })
  description: string;

  @Column({ type: 'text', default: 'defect' })
  @Field({ description: 'Kind of damage claimed (defect, accidental_damage, …); exclusions apply to it.' })
  damageType: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => LegalBasisEnum, {
    nullable: true,
    description: 'Basis the claim is handled on; set from the entitlement check or the override.',
  })
  legalBasis: LegalBasis | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => ConsumerRemedyEnum, {
    nullable: true,
    description: 'Remedy the consumer chose; a chosen repair under the legal guarantee extends it.',
  })
  consumerRemedy: ConsumerRemedy | null;

  @Column({ type: 'boolean' })
  @Field({ description: 'The entitlement check said covered at submission.' })
  entitled: boolean;

  @Column({ type: 'jsonb' })
  entitlement: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why an uncovered claim was approved anyway.' })
  overrideNote: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the reviewer asked the customer for.' })
  infoRequest: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => RepairOutcomeEnum, { nullable: true })
  outcome: RepairOutcome | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

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
