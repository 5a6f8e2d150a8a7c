import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { type RefundMethod, RefundMethodEnum, type RefundStatus, RefundStatusEnum } from '../domain.js';

/** One line of a refund breakdown. */
@ObjectType('ReturnRefundBreakdownLine')
export class RefundBreakdownLine {
  @Field(() => ID) lineId: string;
  @Field(() => ID) purchaseId: string;
  @Field(() => ID) modelId: string;
  @Field(() => String) legalBasis: string;
  @Field(() => Int) priceMinor: number;
  @Field(() => Int, { description: 'Commercial returns only.' }) restockingFeeMinor: number;
  @Field(() => Int, { description: 'Withdrawal: stated and justified diminished value.' }) diminishedValueMinor: number;
  @Field(() => Int) amountMinor: number;
}

/** How a refund amount was computed. */
@ObjectType('ReturnRefundBreakdown')
export class RefundBreakdown {
  @Field(() => [RefundBreakdownLine]) lines: RefundBreakdownLine[];
  @Field(() => Int, { description: 'Standard delivery cost paid back (withdrawal).' }) deliveryRefundMinor: number;
  @Field(() => Int, { description: 'Return shipping charged to the customer (policy flat fee).' }) returnShippingMinor: number;
  @Field(() => Int, { description: 'Price difference charged for an exchange to a dearer model.' }) exchangeDifferenceMinor: number;
  @Field(() => Int) totalMinor: number;
}

/** A refund (or store credit, or exchange difference) recorded for a return; paid by the shop's payment system. */
@Entity({ name: 'returns_refund' })
@Index('IDX_returns_refund_request', ['requestId'])
@ObjectType('ReturnRefund', { description: 'A recorded refund with its breakdown and payment result.' })
export class ReturnRefund {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_returns_refund' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  requestId: string;

  @Column({ type: 'text' })
  @Field(() => RefundMethodEnum)
  method: RefundMethod;

  @Column({ type: 'text' })
  @Field(() => RefundStatusEnum)
  status: RefundStatus;

  @Column({ type: 'int' })
  @Field(() => Int)
  amountMinor: number;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency: string;

  @Column({ type: 'jsonb' })
  @Field(() => RefundBreakdown, { description: 'Line by line: price, fees, deductions, shipping.' })
  breakdown: RefundBreakdown;

  @Column({ type: 'text' })
  proposedBy: string;

  @Column({ type: 'text', nullable: true })
  approvedBy: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Payment system reference of the payout.' })
  paymentReference: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  failureReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  paidAt: Date | null;

  @VersionColumn()
  @Field(() => Int)
  version: number;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
