import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import { type DeclineReason, DeclineReasonEnum, type ReturnStatus, ReturnStatusEnum } from '../domain.js';

/** A return request (RMA): lines from one or more purchases of one customer. */
@Entity({ name: 'returns_request' })
@Index('IDX_returns_request_status', ['status'])
@Index('IDX_returns_request_customer', ['customerId'])
@Unique('UQ_returns_request_number', ['number'])
@ObjectType('ReturnRequest', { description: 'A return request with its lines, shipping, inspection and refunds.' })
export class ReturnRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_returns_request' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'int', generated: 'increment' })
  number: number;

  @Column({ type: 'text' })
  @Field({ description: 'Return reference, e.g. RET-12, printed on the slip.' })
  reference: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'text', default: 'requested' })
  @Field(() => ReturnStatusEnum)
  status: ReturnStatus;

  @Column({ type: 'text', default: 'staff' })
  @Field({ description: 'portal, withdrawal_function or staff.' })
  channel: string;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Made as a withdrawal from the contract (EU right of withdrawal).' })
  withdrawal: boolean;

  @Column({ type: 'text', nullable: true })
  withdrawalStatement: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the customer confirmed the withdrawal.' })
  withdrawalConfirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Refund due by (14 days after the withdrawal).' })
  refundDueAt: Date | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'The customer keeps the item (below the policy’s value threshold): no shipping states.' })
  keepItem: boolean;

  @Column({ type: 'text', nullable: true })
  @Field(() => DeclineReasonEnum, { nullable: true })
  declineReason: DeclineReason | null;

  @Column({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'Send the item back by this date (YYYY-MM-DD).' })
  sendBackBy: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  carrier: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  trackingNumber: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  shippedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'refunded, exchanged, credited, declined or cancelled.' })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Model given in exchange.' })
  exchangeModelId: string | null;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency: string;

  @Column({ type: 'text' })
  createdBy: string;

  @VersionColumn()
  @Field(() => Int)
  version: number;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
