import { CURRENCY_CODE_MESSAGE } from '@aftercare/core';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  type RegistrationSource,
  RegistrationSourceEnum,
  type RegistrationStatus,
  RegistrationStatusEnum,
  type ClaimStatus,
  ClaimStatusEnum,
  type ConsumerRemedy,
  ConsumerRemedyEnum,
  type CoverageType,
  CoverageTypeEnum,
  type LegalBasis,
  LegalBasisEnum,
  type NotCoveredReason,
  type RepairOutcome,
  RepairOutcomeEnum,
  NotCoveredReasonEnum,
  type StartBasis,
  StartBasisEnum,
  type UsDesignation,
  UsDesignationEnum,
} from '../domain.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';

const uuid = { message: 'must be a UUID' };
const CODE = /^[a-z][a-z0-9_]{0,59}$/;
const code = { message: 'must be a lower-case code like accidental_damage' };

@ObjectType('WarrantyCoverageLayer', { description: 'One source of coverage and whether it applies at the moment asked.' })
export class CoverageLayerType {
  @Field(() => LegalBasisEnum) basis: LegalBasis;
  @Field(() => ID, { nullable: true }) policyId: string | null;
  @Field(() => ID, { nullable: true }) contractId: string | null;
  @Field() name: string;
  @Field() startsAt: Date;
  @Field({ description: 'Exclusive end: local midnight after the last covered day.' }) endsAt: Date;
  @Field({ description: "Last covered day in the customer's time zone (YYYY-MM-DD)." }) lastDay: string;
  @Field(() => [CoverageTypeEnum]) coverageTypes: CoverageType[];
  @Field() covered: boolean;
  @Field(() => NotCoveredReasonEnum, { nullable: true }) reason: NotCoveredReason | null;
}

@ObjectType('WarrantyCoverage', { description: 'The entitlement check: covered or not, by what, until when, what, and why not.' })
export class CoverageResultType {
  @Field() covered: boolean;
  @Field(() => LegalBasisEnum, {
    nullable: true,
    description: 'The layer that covers: commercial first, then extended, then legal guarantee.',
  })
  basis: LegalBasis | null;
  @Field(() => ID, { nullable: true }) policyId: string | null;
  @Field(() => ID, { nullable: true }) contractId: string | null;
  @Field(() => ID, { nullable: true }) registrationId: string | null;
  @Field(() => ID, { nullable: true }) purchaseId: string | null;
  @Field(() => ID, { nullable: true }) customerId: string | null;
  @Field(() => ID, { nullable: true }) modelId: string | null;
  @Field(() => String, { nullable: true }) serialNumber: string | null;
  @Field({ description: 'The moment the check was made for.' }) at: Date;
  @Field(() => Date, { nullable: true, description: 'Exclusive end of the latest covering layer.' }) coveredUntil: Date | null;
  @Field(() => String, { nullable: true, description: "Last covered day in the customer's time zone." }) lastCoveredDay: string | null;
  @Field(() => [CoverageTypeEnum]) coverageTypes: CoverageType[];
  @Field(() => NotCoveredReasonEnum, { nullable: true }) reason: NotCoveredReason | null;
  @Field() explanation: string;
  @Field({ description: "The customer's time zone the dates are computed in." }) timeZone: string;
  @Field(() => String, { nullable: true, description: 'Jurisdiction whose legal guarantee applies.' }) jurisdiction: string | null;
  @Field(() => [CoverageLayerType]) layers: CoverageLayerType[];
}

@ArgsType()
export class CoverageArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) serialNumber?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) purchaseId?: string;
  @Field(() => ID, { nullable: true, description: 'Only when two models share the serial.' })
  @IsOptional()
  @IsUUID('all', uuid)
  modelId?: string;
  @Field(() => Date, { nullable: true, description: 'Default: now.' }) @IsOptional() at?: Date;
  @Field(() => String, { nullable: true, description: 'Kind of damage, e.g. defect or accidental_damage; exclusions apply to it.' })
  @IsOptional()
  @Matches(CODE, code)
  damageType?: string;
}

@InputType()
export class WarrantyPolicyInput {
  @Field() @Length(1, 200) name: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) modelId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) category?: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(240) months: number;
  @Field(() => StartBasisEnum) startFrom: StartBasis;
  @Field(() => [CoverageTypeEnum])
  @ArrayNotEmpty({ message: 'must list at least one coverage type' })
  @ArrayMaxSize(4)
  coverageTypes: CoverageType[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(50) @Matches(CODE, { each: true, ...code }) exclusions: string[];
  @Field(() => LegalBasisEnum) legalBasis: LegalBasis;
  @Field(() => UsDesignationEnum, { nullable: true }) @IsOptional() usDesignation?: UsDesignation;
  @Field({ defaultValue: false }) transferable: boolean;
  @Field({ defaultValue: true }) active: boolean;
}

@InputType()
export class RegisterWarrantyInput {
  @Field(() => ID, { nullable: true, description: 'Staff: the customer (required). Customers register for themselves.' })
  @IsOptional()
  @IsUUID('all', uuid)
  customerId?: string;
  @Field(() => ID, { nullable: true, description: 'A purchase from us; otherwise give model, serial, dates and proof.' })
  @IsOptional()
  @IsUUID('all', uuid)
  purchaseId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) modelId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) serialNumber?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() purchasedAt?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() deliveredAt?: Date;
  @Field(() => String, { nullable: true, description: 'Where it was bought (another seller).' })
  @IsOptional()
  @Length(1, 200)
  seller?: string;
  @Field(() => String, { nullable: true, description: 'Receipt number or attachment reference proving the purchase.' })
  @IsOptional()
  @Length(1, 500)
  proofOfPurchaseRef?: string;
}

@InputType()
export class SellExtendedWarrantyInput {
  @Field(() => ID) @IsUUID('all', uuid) registrationId: string;
  @Field(() => Int) @IsInt() @Min(0) priceMinor: number;
  @Field() @Matches(/^[A-Z]{3}$/, { message: CURRENCY_CODE_MESSAGE }) currency: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(120) termMonths: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) claimCapMinor?: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) deductibleMinor: number;
  @Field({ description: 'Same key, same sale: a retry returns the first contract.' }) @Length(8, 100) idempotencyKey: string;
}

@ArgsType()
export class RegistrationFilterArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) customerId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) serialNumber?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) modelId?: string;
  @Field(() => RegistrationStatusEnum, { nullable: true, description: 'Active or expired (commercial period ran out).' })
  @IsOptional()
  status?: RegistrationStatus;
  @Field(() => RegistrationSourceEnum, {
    nullable: true,
    description: 'Registered automatically from a purchase, by staff or by the customer.',
  })
  @IsOptional()
  source?: RegistrationSource;
}

@InputType()
export class SubmitWarrantyClaimInput {
  @Field(() => ID, { nullable: true, description: 'Optional check: the item must belong to this customer.' })
  @IsOptional()
  @IsUUID('all', uuid)
  customerId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) registrationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) purchaseId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) serialNumber?: string;
  @Field() @Length(1, 5000, { message: 'must be 1 to 5000 characters' }) description: string;
  @Field(() => String, { nullable: true, description: 'defect (default), accidental_damage, water_damage, …' })
  @IsOptional()
  @Matches(CODE, code)
  damageType?: string;
  @Field(() => ConsumerRemedyEnum, { nullable: true }) @IsOptional() consumerRemedy?: ConsumerRemedy;
}

/** Content types accepted as proof of purchase. */
export const PROOF_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

@InputType({ description: 'A proof of purchase (receipt, invoice), base64-encoded; at most 700 kB.' })
export class ProofOfPurchaseFileInput {
  @Field() @Length(1, 200, { message: 'must be 1 to 200 characters' }) fileName: string;
  @Field() @IsIn([...PROOF_TYPES], { message: `must be one of ${PROOF_TYPES.join(', ')}` }) contentType: string;
  @Field({ description: 'The file, base64-encoded.' })
  @Length(1, 960_000, { message: 'must be a file of at most 700 kB' })
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'must be base64' })
  contentBase64: string;
}

@InputType({ description: 'An item you bought elsewhere, registered for warranty with its proof of purchase.' })
export class RegisterMyProductInput {
  @Field(() => ID) @IsUUID('all', uuid) modelId: string;
  @Field() @Length(1, 100, { message: 'must be 1 to 100 characters' }) serialNumber: string;
  @Field() purchasedAt: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() deliveredAt?: Date;
  @Field({ description: 'Where you bought it.' }) @Length(1, 200, { message: 'must be 1 to 200 characters' }) seller: string;
  @Field(() => String, { nullable: true, description: 'Receipt or invoice number, if it has one.' })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  receiptNumber?: string;
  @Field(() => ProofOfPurchaseFileInput) @ValidateNested() proof: ProofOfPurchaseFileInput;
}

@InputType()
export class SubmitMyWarrantyClaimInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) registrationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) purchaseId?: string;
  @Field() @Length(1, 5000, { message: 'must be 1 to 5000 characters' }) description: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE, code) damageType?: string;
  @Field(() => ConsumerRemedyEnum, { nullable: true, description: 'Repair or replacement (your choice under the legal guarantee).' })
  @IsOptional()
  consumerRemedy?: ConsumerRemedy;
}

export enum ClaimDecisionEnum {
  APPROVE = 'approve',
  REJECT = 'reject',
  REQUEST_INFO = 'request_info',
}
registerEnumType(ClaimDecisionEnum, { name: 'WarrantyClaimDecision' });

@InputType()
export class DecideWarrantyClaimInput {
  @Field(() => ID) @IsUUID('all', uuid) claimId: string;
  @Field(() => ClaimDecisionEnum) decision: ClaimDecisionEnum;
  @Field(() => String, { nullable: true, description: 'Rejection reason from the configured list (warrantySettings.rejectionReasons).' })
  @IsOptional()
  @MaxLength(60)
  reason?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) note?: string;
  @Field(() => String, { nullable: true, description: 'Required to approve a claim the entitlement check found not covered.' })
  @IsOptional()
  @MaxLength(5000)
  overrideNote?: string;
}

/** Order of the claims inbox. */
export enum ClaimSortEnum {
  OLDEST = 'oldest',
  NEWEST = 'newest',
  SLA_DUE = 'sla_due',
}
registerEnumType(ClaimSortEnum, {
  name: 'WarrantyClaimSort',
  description: 'OLDEST first (default), NEWEST first, or SLA_DUE: the soonest resolution due date first (claims without one last).',
});

@ArgsType()
export class ClaimFilterArgs {
  @Field(() => [ClaimStatusEnum], { nullable: true }) @IsOptional() @ArrayMaxSize(12) status?: ClaimStatus[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) customerId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) serialNumber?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) modelId?: string;
  @Field(() => ClaimSortEnum, { defaultValue: ClaimSortEnum.OLDEST }) sort: ClaimSortEnum;
}

@ObjectType('WarrantyStatusChange', { description: 'When a claim or repair entered a state (what customers see of its history).' })
export class MyStatusChangeType {
  @Field({ description: 'The state entered, as the status enum names it (e.g. IN_REVIEW).' }) status: string;
  @Field() at: Date;
}

/** The state changes of a claim or repair as customers see them: which state, when; no people, no reasons. */
export function customerStatusChanges(changes: readonly { toStatus: string; at: Date }[]): MyStatusChangeType[] {
  return changes.map((c) => ({ status: c.toStatus.toUpperCase(), at: c.at }));
}

@ObjectType('WarrantyAbuseSignal', { description: 'A pattern the reviewer should look at; it never decides on its own.' })
export class AbuseSignalType {
  @Field() @IsIn(['repeat_serial', 'customer_velocity', 'serial_other_customer']) kind: string;
  @Field(() => Int) count: number;
  @Field() message: string;
}

@InputType()
export class SparePartInput {
  @Field() @Length(1, 60) sku: string;
  @Field() @Length(1, 200) name: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Opening stock of a new part (required then). On an existing part it sets the stock; prefer adjustSparePartStock.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  stockQuantity?: number;
  @Field(() => Int, { nullable: true, description: 'Reorder when stock is at or below this level (default 0).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  reorderLevel?: number;
  @Field(() => Int) @IsInt() @Min(0) costMinor: number;
  @Field() @Matches(/^[A-Z]{3}$/, { message: CURRENCY_CODE_MESSAGE }) currency: string;
  @Field(() => [ID], { nullable: true, description: 'Product models the part fits (replaces the list; omit to keep it).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, ...uuid })
  modelIds?: string[];
}

@InputType()
export class AdjustSparePartStockInput {
  @Field(() => ID) @IsUUID('all', uuid) partId: string;
  @Field(() => Int, { description: 'Units added (goods received, returned) or, negative, removed (write-off, count correction).' })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  delta: number;
  @Field({ description: 'Why the stock changes; kept in the audit log.' })
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason: string;
}

@ArgsType()
export class SparePartFilterArgs {
  @Field(() => String, { nullable: true, description: 'Part of the SKU or name.' }) @IsOptional() @Length(1, 100) search?: string;
  @Field(() => ID, { nullable: true, description: 'Only parts that fit this model.' }) @IsOptional() @IsUUID('all', uuid) modelId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only parts at or below their reorder level.' }) @IsOptional() lowStock?: boolean;
}

@ArgsType()
export class VisitRangeArgs {
  @Field({ description: 'Start (inclusive).' }) from: Date;
  @Field({ description: 'End (exclusive); at most 42 days after `from`.' }) to: Date;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) technicianId?: string;
}

@InputType()
export class CreateRepairOrderInput {
  @Field(() => ID, { nullable: true, description: 'An approved (on-site) or received claim.' })
  @IsOptional()
  @IsUUID('all', uuid)
  claimId?: string;
  @Field(() => ID, { nullable: true, description: 'Paid repair of a purchase.' }) @IsOptional() @IsUUID('all', uuid) purchaseId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) customerId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) modelId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) serialNumber?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) technicianId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) diagnosis?: string;
}

@InputType()
export class UpdateRepairOrderInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) diagnosis?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) @Length(1, 40, { each: true }) faultCodes?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) technicianId?: string;
  @Field(() => Int, { nullable: true, description: 'Total labour time so far.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  labourMinutes?: number;
  @Field(() => RepairOutcomeEnum, { nullable: true, description: 'Setting an outcome completes the order (and resolves its claim).' })
  @IsOptional()
  outcome?: RepairOutcome;
  @Field(() => String, { nullable: true, description: 'Required when the outcome is REPLACED.' })
  @IsOptional()
  @Length(1, 100)
  replacementSerial?: string;
  @Field({ nullable: true }) @IsOptional() cancel?: boolean;
}

@InputType()
export class PartUsedInput {
  @Field(() => ID) @IsUUID('all', uuid) partId: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(1000) quantity: number;
}

@InputType()
export class ScheduleVisitInput {
  @Field(() => ID) @IsUUID('all', uuid) repairOrderId: string;
  @Field(() => ID) @IsUUID('all', uuid) technicianId: string;
  @Field({ description: 'Start of a slot (warrantySettings.visitSlotMinutes, aligned to the hour in UTC).' }) startsAt: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string;
}

@InputType()
export class SendRepairEstimateInput {
  @Field(() => ID) @IsUUID('all', uuid) repairOrderId: string;
  @Field(() => Int) @IsInt() @Min(0) amountMinor: number;
  @Field() @Matches(/^[A-Z]{3}$/, { message: CURRENCY_CODE_MESSAGE }) currency: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) note?: string;
}

@ObjectType('ServiceHistory', { description: 'Every claim, repair, part and replaced serial of one serial number.' })
export class ServiceHistoryType {
  @Field() serialNumber: string;
  @Field(() => [WarrantyClaim]) claims: WarrantyClaim[];
  @Field(() => [RepairOrder]) repairOrders: RepairOrder[];
  @Field(() => [String], { description: 'Serials of units that replaced this one.' }) replacedBy: string[];
}
