import { PageArgs } from '@aftercare/core';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  type ConditionGrade,
  ConditionGradeEnum,
  type DeclineReason,
  DeclineReasonEnum,
  type Disposition,
  DispositionEnum,
  type LegalBasis,
  LegalBasisEnum,
  type RefundMethod,
  RefundMethodEnum,
  type Resolution,
  ResolutionEnum,
  type ReturnStatus,
  ReturnStatusEnum,
  type ShippingPayer,
  ShippingPayerEnum,
  type WindowStart,
  WindowStartEnum,
} from '../domain.js';

const MAX_MINOR = 1_000_000_000;
const INBOX_VIEWS = ['to_approve', 'awaiting_item', 'to_inspect', 'to_refund', 'overdue_refund'];

@InputType('SaveReturnPolicyInput', { description: 'A return policy; without id a new one.' })
export class SavePolicyInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a policy id' }) id?: string | null;
  @Field() @MaxLength(200) name: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(-100000) @Max(100000) priority?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() isDefault?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must be model ids' })
  modelIds?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) categories?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(3650) windowDays?: number;
  @Field(() => WindowStartEnum, { nullable: true }) @IsOptional() windowStart?: WindowStart;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(365) transitBufferDays?: number;
  @Field({ nullable: true }) @IsOptional() @MaxLength(2000) conditionRequirements?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() finalSale?: boolean;
  @Field(() => ShippingPayerEnum, { nullable: true }) @IsOptional() returnShipping?: ShippingPayer;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) returnShippingFeeMinor?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100) restockingFeePercent?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) restockingFeeMinMinor?: number;
  @Field(() => [RefundMethodEnum], { nullable: true }) @IsOptional() @ArrayMaxSize(3) refundMethods?: RefundMethod[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) keepItemBelowMinor?: number;
  @Field({ nullable: true }) @IsOptional() @MaxLength(10) jurisdiction?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() withdrawalRight?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() withdrawalInformed?: boolean;
}

@InputType('SaveReturnReasonInput', { description: 'A reason of the tree, by code (created or updated).' })
export class SaveReasonInput {
  @Field() @MaxLength(60) code: string;
  @Field() @MaxLength(200) label: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) parentCode?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() nonConformity?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(-100000) @Max(100000) position?: number;
}

@InputType('ReturnLineInput', { description: 'One item to return.' })
export class ReturnLineInput {
  @Field(() => ID) purchaseId: string;
  @Field(() => Int, { nullable: true, description: 'Always 1: a purchase is one item.' }) @IsOptional() @IsInt() @Min(1) @Max(1) quantity?:
    number | null;
  @Field(() => ID, { nullable: true, description: 'Required except for a withdrawal.' }) @IsOptional() reasonId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) comment?: string | null;
  @Field(() => ResolutionEnum, { nullable: true }) @IsOptional() requestedResolution?: Resolution | null;
  @Field(() => ID, { nullable: true }) @IsOptional() exchangeModelId?: string | null;
}

@InputType('RequestReturnInput', { description: 'A return of one customer’s purchases (staff).' })
export class RequestReturnInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a customer id' }) customerId: string;
  @Field(() => [ReturnLineInput]) @ValidateNested({ each: true }) @ArrayMaxSize(50) lines: ReturnLineInput[];
  @Field({ defaultValue: false, description: 'Record it as the customer’s withdrawal from the contract.' })
  @IsBoolean()
  withdrawal: boolean;
}

@InputType('RequestMyReturnInput', { description: 'Return your own purchases.' })
export class RequestMyReturnInput {
  @Field(() => [ReturnLineInput]) @ValidateNested({ each: true }) @ArrayMaxSize(50) lines: ReturnLineInput[];
}

@InputType('WithdrawFromContractInput', { description: 'The EU withdrawal function: the items and the contract details.' })
export class WithdrawFromContractInput {
  @Field(() => [ID], { description: 'Purchases you withdraw from.' }) @ArrayMaxSize(50) purchaseIds: string[];
  @Field(() => String, { nullable: true, description: 'Contract details: order number, name, anything that identifies the contract.' })
  @IsOptional()
  @MaxLength(2000)
  details?: string | null;
  @Field({ description: 'You pressed "Confirm withdrawal".' }) @IsBoolean() confirmed: boolean;
}

@InputType('DeclineReturnInput')
export class DeclineReturnInput {
  @Field(() => ID) id: string;
  @Field(() => DeclineReasonEnum) reason: DeclineReason;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) note?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;
}

@InputType('MarkReturnShippedInput')
export class MarkShippedInput {
  @Field(() => ID) id: string;
  @Field() @MaxLength(100) carrier: string;
  @Field() @MaxLength(100) trackingNumber: string;
}

@InputType('ReceiveReturnLineInput')
export class ReceiveLineInput {
  @Field(() => ID) lineId: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(1) quantityReceived: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1) quantityDamaged?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) returnedSerial?: string | null;
}

@InputType('ReceiveReturnInput')
export class ReceiveReturnInput {
  @Field(() => ID) id: string;
  @Field(() => [ReceiveLineInput]) @ValidateNested({ each: true }) @ArrayMaxSize(50) lines: ReceiveLineInput[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;
}

@InputType('InspectReturnLineInput')
export class InspectLineInput {
  @Field(() => ID) lineId: string;
  @Field(() => Int, { nullable: true, description: 'The line version you saw; CONFLICT when someone inspected it since.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
  @Field(() => ConditionGradeEnum) conditionGrade: ConditionGrade;
  @Field(() => DispositionEnum) disposition: Disposition;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
  @Field(() => Int, { nullable: true, description: 'Withdrawal only: deduction for diminished value, with its reason.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINOR)
  diminishedValueMinor?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) diminishedValueReason?: string | null;
}

@InputType('ChangeReturnLineBasisInput')
export class ChangeBasisInput {
  @Field(() => ID) lineId: string;
  @Field(() => LegalBasisEnum) legalBasis: LegalBasis;
  @Field() @MaxLength(1000) note: string;
}

@InputType('ResolveReturnInput', { description: 'Record the refund, store credit or exchange. Same key and parameters: same result.' })
export class ResolveReturnInput {
  @Field(() => ID) id: string;
  @Field(() => RefundMethodEnum) method: RefundMethod;
  @Field() @MaxLength(200) idempotencyKey: string;
  @Field(() => Int, { nullable: true, description: 'Standard delivery cost paid by the customer (refunded on withdrawal).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINOR)
  deliveryCostMinor?: number | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a model id' }) exchangeModelId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Amount the customer owes for a dearer exchange model.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINOR)
  exchangeDifferenceMinor?: number | null;
}

@InputType('RecordRefundResultInput', { description: 'The payment system’s answer for a refund.' })
export class RecordRefundResultInput {
  @Field(() => ID) refundId: string;
  @Field() @IsBoolean() paid: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) paymentReference?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) failureReason?: string | null;
}

@ArgsType()
export class ReturnRequestsArgs extends PageArgs {
  @Field(() => ReturnStatusEnum, { nullable: true }) @IsOptional() status?: ReturnStatus | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a customer id' }) customerId?: string | null;
  @Field(() => String, { nullable: true, description: `Inbox view: ${INBOX_VIEWS.join(', ')}.` })
  @IsOptional()
  @IsIn(INBOX_VIEWS, { message: `must be one of ${INBOX_VIEWS.join(', ')}` })
  view?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the reference.' }) @IsOptional() @MaxLength(100) search?: string | null;
}

@ObjectType('ReturnEligibility', { description: 'Whether a purchase can be returned now, on which basis and until when.' })
export class EligibilityType {
  @Field(() => ID) purchaseId: string;
  @Field() eligible: boolean;
  @Field(() => LegalBasisEnum, { nullable: true }) legalBasis: LegalBasis | null;
  @Field({ description: 'Why, in words.' }) explanation: string;
  @Field(() => Date, { nullable: true, description: 'The return is possible until (exclusive).' }) deadlineAt: Date | null;
  @Field({ description: 'The withdrawal function is available for this purchase.' }) withdrawalPossible: boolean;
  @Field(() => Date, { nullable: true }) withdrawalDeadlineAt: Date | null;
  @Field(() => [RefundMethodEnum]) refundMethods: RefundMethod[];
  @Field(() => ShippingPayerEnum, { nullable: true }) returnShipping: ShippingPayer | null;
  @Field({ description: 'Below the value threshold: you keep the item.' }) keepItem: boolean;
  @Field(() => String, { nullable: true }) policyName: string | null;
}

@ObjectType('ReturnAbuseSignal', { description: 'A fact for the reviewer; never decided automatically.' })
export class AbuseSignalType {
  @Field() code: string;
  @Field() message: string;
  @Field(() => Int) value: number;
}

@ObjectType('MyReturnLine', { description: 'A line of your return.' })
export class MyReturnLine {
  @Field(() => ID) id: string;
  @Field(() => ID) purchaseId: string;
  @Field(() => ID) modelId: string;
  @Field(() => LegalBasisEnum) legalBasis: LegalBasis;
  @Field() basisExplanation: string;
  @Field(() => ResolutionEnum) requestedResolution: Resolution;
  @Field(() => String, { nullable: true }) reasonCode: string | null;
}

@ObjectType('MyReturn', { description: 'Your return, as you see it.' })
export class MyReturn {
  @Field(() => ID) id: string;
  @Field() reference: string;
  @Field(() => ReturnStatusEnum) status: ReturnStatus;
  @Field() withdrawal: boolean;
  @Field(() => String, { nullable: true, description: 'The acknowledgement of your withdrawal, as sent to you.' })
  withdrawalAcknowledgement: string | null;
  @Field(() => String, { nullable: true }) sendBackBy: string | null;
  @Field(() => Date, { nullable: true }) refundDueAt: Date | null;
  @Field() keepItem: boolean;
  @Field(() => Int, { nullable: true, description: 'Refund issued, minor units.' }) refundedMinor: number | null;
  @Field() currency: string;
  @Field() createdAt: Date;
  @Field(() => [MyReturnLine]) lines: MyReturnLine[];
}

@ObjectType('MyReturnPage')
export class MyReturnPage {
  @Field(() => [MyReturn]) items: MyReturn[];
  @Field(() => Int) totalCount: number;
}

@ObjectType('ReturnSlip', { description: 'A printable return slip (PDF) with the reference as a QR code.' })
export class ReturnSlipType {
  @Field() fileName: string;
  @Field() contentType: string;
  @Field() contentBase64: string;
}
