import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import {
  type ConditionGrade,
  ConditionGradeEnum,
  type Disposition,
  DispositionEnum,
  type LegalBasis,
  LegalBasisEnum,
  type Resolution,
  ResolutionEnum,
} from '../domain.js';

/** One item of a return request, with its legal basis, inspection and refund amounts. */
@Entity({ name: 'returns_line' })
@Index('IDX_returns_line_request', ['requestId'])
@Index('IDX_returns_line_purchase', ['purchaseId'])
@ObjectType('ReturnLine', { description: 'One returned item: basis, reason, inspection and amounts.' })
export class ReturnLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_returns_line' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  purchaseId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  modelId: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Serial number sold.' })
  serialNumber: string | null;

  @Column({ type: 'int', default: 1 })
  @Field(() => Int)
  quantity: number;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  reasonId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  reasonCode: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  comment: string | null;

  @Column({ type: 'text', default: 'refund' })
  @Field(() => ResolutionEnum)
  requestedResolution: Resolution;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Requested model for an exchange.' })
  exchangeModelId: string | null;

  @Column({ type: 'text' })
  @Field(() => LegalBasisEnum)
  legalBasis: LegalBasis;

  @Column({ type: 'text' })
  @Field({ description: 'Why the platform (or staff) chose this basis.' })
  basisExplanation: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Staff note when the basis was changed by hand.' })
  basisNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'End of the period the basis gives (exclusive).' })
  deadlineAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  policyId: string | null;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Price paid, minor units.' })
  priceMinor: number;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true })
  quantityReceived: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true })
  quantityDamaged: number | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Serial on the returned item.' })
  returnedSerial: string | null;

  @Column({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'The returned serial is the one sold.' })
  serialMatches: boolean | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => ConditionGradeEnum, { nullable: true })
  conditionGrade: ConditionGrade | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => DispositionEnum, { nullable: true })
  disposition: Disposition | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  inspectionNote: string | null;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Deduction for diminished value (withdrawal), justified in diminishedValueReason.' })
  diminishedValueMinor: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  diminishedValueReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  inspectedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Warranty claim opened for a non-conformity line.' })
  warrantyClaimId: string | null;

  @VersionColumn()
  @Field(() => Int)
  version: number;
}
