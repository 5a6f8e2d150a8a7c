import { CURRENCY_CODE_MESSAGE } from '@aftercare/core';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  type AutoAssignMode,
  AutoAssignModeEnum,
  type CaseChannel,
  CaseChannelEnum,
  type CaseKind,
  CaseKindEnum,
  type CaseOutcome,
  CaseOutcomeEnum,
  type CaseSeverity,
  CaseSeverityEnum,
  type CaseStatus,
  CaseStatusEnum,
  type CompensationStatus,
  CompensationStatusEnum,
  type CompensationType,
  CompensationTypeEnum,
  type MessageKind,
  MessageKindEnum,
} from '../domain.js';

const uuid = { message: 'must be an id (UUID)' };

@ObjectType('Case', { description: 'A customer request handled by the service desk: an inquiry, a complaint or a claim.' })
export class CaseType {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field(() => CaseKindEnum) kind: CaseKind;
  @Field(() => CaseChannelEnum) channel: CaseChannel;
  @Field(() => CaseSeverityEnum) severity: CaseSeverity;
  @Field(() => CaseStatusEnum) status: CaseStatus;
  @Field() subject: string;
  @Field() description: string;
  @Field(() => ID) customerId: string;
  @Field(() => ID, { nullable: true }) purchaseId: string | null;
  @Field(() => ID, { nullable: true }) teamId: string | null;
  @Field(() => ID, { nullable: true }) assigneeId: string | null;
  @Field(() => String, { nullable: true }) category: string | null;
  @Field(() => String, { nullable: true }) rootCause: string | null;
  @Field(() => CaseOutcomeEnum, { nullable: true }) outcome: CaseOutcome | null;
  @Field(() => String, { nullable: true }) resolutionNote: string | null;
  @Field(() => ID, { nullable: true, description: 'Set when this case was merged into another one.' }) mergedIntoId: string | null;
  @Field(() => Int, { description: 'Public staff replies so far.' }) staffReplyCount: number;
  @Field(() => Int) reopenCount: number;
  @Field(() => Date, { nullable: true }) firstResponseAt: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Business minutes from creation to resolution, pauses excluded.' })
  resolutionBusinessMinutes: number | null;
  @Field(() => Date, { nullable: true, description: 'Earliest due date of the running SLA targets; the inbox sorts by it.' })
  slaDueAt: Date | null;
  @Field(() => Date, { nullable: true }) escalatedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('CaseMessage', { description: 'A public reply, an internal note or a message from the customer.' })
export class CaseMessageType {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => MessageKindEnum) kind: MessageKind;
  @Field() body: string;
  @Field({ description: 'staff, customer, apiKey or system.' }) authorKind: string;
  /** Resolved by CaseMessageResolver under core's rule for people. */
  authorDisplay?: string | null;
  @Field() createdAt: Date;
}

@ObjectType('CaseAttachment')
export class CaseAttachmentType {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int) sizeBytes: number;
  @Field() sha256: string;
  @Field({ description: 'Visible to the customer.' }) public: boolean;
  @Field() createdAt: Date;
}

@ObjectType('CaseAttachmentContent')
export class CaseAttachmentContentType {
  @Field(() => CaseAttachmentType) attachment: CaseAttachmentType;
  @Field() contentBase64: string;
}

@ObjectType('CaseCompensation', { description: 'Compensation on a claim: proposed by one person, decided by another.' })
export class CompensationGqlType {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => CompensationTypeEnum) type: CompensationType;
  @Field(() => Int, { description: 'Amount or estimated value in minor units of currency.' }) valueMinor: number;
  @Field() currency: string;
  @Field() description: string;
  @Field(() => CompensationStatusEnum) status: CompensationStatus;
  @Field(() => ID, { nullable: true }) proposedById: string | null;
  @Field(() => String, { nullable: true }) proposedByDisplay: string | null;
  @Field(() => ID, { nullable: true }) decidedById: string | null;
  @Field(() => String, { nullable: true }) decidedByDisplay: string | null;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('ServiceDeskTeamMember')
export class TeamMemberType {
  @Field(() => ID) teamId: string;
  @Field(() => ID) staffUserId: string;
  @Field({ description: 'Receives serious cases and breach escalations.' }) supervisor: boolean;
  @Field({ description: 'Skipped by auto-assignment.' }) absent: boolean;
}

@ObjectType('ServiceDeskTeam')
export class TeamType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => AutoAssignModeEnum) autoAssign: AutoAssignMode;
}

@ObjectType('CannedResponse', {
  description: 'A reusable reply; placeholders: {{customer.name}}, {{case.reference}}, {{case.subject}}, {{agent.name}}.',
})
export class CannedResponseType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() body: string;
}

@ObjectType('ServiceDeskSettings')
export class SettingsType {
  @Field(() => Int, { description: 'Grows with every change; send it back as expectedVersion so a concurrent change is not overwritten.' })
  version: number;
  @Field(() => [String]) categories: string[];
  @Field(() => [String]) rootCauses: string[];
  @Field(() => Int, { description: 'Compensation of a higher value needs service-desk.compensation.approve-high.' })
  compensationApprovalThresholdMinor: number;
  @Field({ description: 'ISO 4217 currency of the threshold; approving a proposal in another currency always needs approve-high.' })
  compensationCurrency: string;
  @Field(() => Int) reopenWindowDays: number;
  @Field(() => [String]) seriousKeywords: string[];
  @Field(() => ID, { nullable: true }) defaultTeamId: string | null;
  @Field() breachRaisesSeverity: boolean;
  @Field(() => Int) attachmentMaxBytes: number;
  @Field(() => [String]) attachmentTypes: string[];
}

@ObjectType('RootCauseShare', { description: 'One bar of the root-cause Pareto chart.' })
export class RootCauseShareType {
  @Field() rootCause: string;
  @Field(() => Int) count: number;
  @Field({ description: 'Share of resolved cases with a root cause, in %.' }) share: number;
  @Field({ description: 'Share of this and all bigger root causes, in %.' }) cumulativeShare: number;
}

@ObjectType('MyCaseMessage', { description: 'A message on your request: from you or from customer service.' })
export class MyCaseMessageType {
  @Field(() => ID) id: string;
  @Field({ description: 'Written by customer service (otherwise by you).' }) fromSupport: boolean;
  @Field(() => String, { nullable: true }) authorName: string | null;
  @Field() body: string;
  @Field() createdAt: Date;
}

@ObjectType('MyCase', { description: 'One of your requests to customer service.' })
export class MyCaseType {
  @Field(() => ID) id: string;
  @Field() reference: string;
  @Field(() => CaseKindEnum) kind: CaseKind;
  @Field(() => CaseStatusEnum) status: CaseStatus;
  @Field() subject: string;
  @Field() description: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
}

@ObjectType('MyCaseStatusChange', { description: 'When your request entered a state.' })
export class MyCaseStatusChangeType {
  @Field(() => CaseStatusEnum) status: CaseStatus;
  @Field() at: Date;
}

@ObjectType('MyCompensation', { description: 'A compensation decided on your claim (proposals still under review are not shown).' })
export class MyCompensationType {
  @Field(() => ID) id: string;
  @Field(() => CompensationTypeEnum) type: CompensationType;
  @Field(() => Int, { description: 'Amount in minor units (cents).' }) valueMinor: number;
  @Field({ description: 'ISO 4217.' }) currency: string;
  @Field() description: string;
  @Field(() => CompensationStatusEnum, { description: 'approved or rejected.' }) status: CompensationStatus;
  @Field(() => String, { nullable: true, description: 'Why, when given.' }) decisionReason: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

export enum CaseSort {
  DUE_DATE = 'due_date',
  NEWEST = 'newest',
  OLDEST = 'oldest',
  UPDATED = 'updated',
}
registerEnumType(CaseSort, { name: 'CaseSort', description: 'DUE_DATE: earliest SLA due date first, cases without one last.' });

export enum CompensationDecisionKind {
  APPROVE = 'approve',
  REJECT = 'reject',
}
registerEnumType(CompensationDecisionKind, { name: 'CompensationDecision' });

@InputType()
export class CaseFilter {
  @Field(() => [CaseStatusEnum], { nullable: true }) @IsOptional() @ArrayMaxSize(10) status?: CaseStatus[];
  @Field(() => [CaseKindEnum], { nullable: true }) @IsOptional() @ArrayMaxSize(10) kind?: CaseKind[];
  @Field(() => [CaseSeverityEnum], { nullable: true }) @IsOptional() @ArrayMaxSize(10) severity?: CaseSeverity[];
  @Field(() => [CaseChannelEnum], { nullable: true }) @IsOptional() @ArrayMaxSize(10) channel?: CaseChannel[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) assigneeId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) teamId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) customerId?: string;
  @Field({ nullable: true, description: 'Only cases without an assignee.' }) @IsOptional() @IsBoolean() unassigned?: boolean;
  @Field({ nullable: true, description: "Only the caller's cases." }) @IsOptional() @IsBoolean() mine?: boolean;
  @Field({ nullable: true, description: 'Only cases of the teams the caller is a member of.' })
  @IsOptional()
  @IsBoolean()
  myTeams?: boolean;
  @Field({ nullable: true, description: 'Open, not breached, within the warning lead of the due date.' })
  @IsOptional()
  @IsBoolean()
  atRisk?: boolean;
  @Field({ nullable: true, description: 'An SLA target is breached.' }) @IsOptional() @IsBoolean() breached?: boolean;
  @Field({ nullable: true, description: 'Words in the subject or the reference (SD-1042).' }) @IsOptional() @MaxLength(100) search?: string;
}

@InputType()
export class CreateCaseInput {
  @Field(() => ID) @IsUUID('all', uuid) customerId: string;
  @Field(() => CaseKindEnum) kind: CaseKind;
  @Field(() => CaseChannelEnum) channel: CaseChannel;
  @Field() @Length(1, 200, { message: 'must be 1 to 200 characters' }) subject: string;
  @Field() @Length(1, 20000, { message: 'must be 1 to 20000 characters' }) description: string;
  @Field(() => CaseSeverityEnum, { nullable: true, description: 'Leave empty to let triage decide.' })
  @IsOptional()
  severity?: CaseSeverity;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) purchaseId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) teamId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) assigneeId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(60) category?: string;
}

@InputType()
export class SubmitCaseInput {
  @Field(() => CaseKindEnum) kind: CaseKind;
  @Field() @Length(1, 200, { message: 'must be 1 to 200 characters' }) subject: string;
  @Field() @Length(1, 20000, { message: 'must be 1 to 20000 characters' }) description: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) purchaseId?: string;
  @Field({ nullable: true, description: 'The product in your words, when it is not one of your purchases (brand, model, where bought).' })
  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  productDescription?: string;
}

@InputType()
export class ReplyToCaseInput {
  @Field(() => ID) @IsUUID('all', uuid) caseId: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(20000) body?: string;
  @Field(() => ID, { nullable: true, description: 'Start the reply with this canned response, placeholders filled.' })
  @IsOptional()
  @IsUUID('all', uuid)
  cannedResponseId?: string;
}

@InputType()
export class AddCaseNoteInput {
  @Field(() => ID) @IsUUID('all', uuid) caseId: string;
  @Field() @Length(1, 20000, { message: 'must be 1 to 20000 characters' }) body: string;
}

@InputType()
export class ReplyToMyCaseInput {
  @Field(() => ID) @IsUUID('all', uuid) caseId: string;
  @Field() @Length(1, 20000, { message: 'must be 1 to 20000 characters' }) body: string;
}

@InputType()
export class AssignCaseInput {
  @Field(() => ID) @IsUUID('all', uuid) caseId: string;
  @Field(() => ID, { nullable: true, description: 'Move to this team (null: no team).' }) @IsOptional() @IsUUID('all', uuid) teamId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Give to this staff user (null: unassign).' })
  @IsOptional()
  @IsUUID('all', uuid)
  assigneeId?: string | null;
  @Field({ nullable: true, description: "Let the team's mode choose (round robin, least loaded; supervisors for serious cases)." })
  @IsOptional()
  @IsBoolean()
  auto?: boolean;
}

@InputType()
export class ResolveCaseInput {
  @Field(() => ID) @IsUUID('all', uuid) caseId: string;
  @Field(() => CaseOutcomeEnum) outcome: CaseOutcome;
  @Field({ nullable: true }) @IsOptional() @MaxLength(60) category?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(60) rootCause?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(5000) note?: string;
}

@InputType()
export class ProposeCompensationInput {
  @Field(() => ID) @IsUUID('all', uuid) caseId: string;
  @Field(() => CompensationTypeEnum) type: CompensationType;
  @Field(() => Int, { description: 'Amount (refund, credit) or estimated value, in minor units of currency.' })
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(1_000_000_000, { message: 'must be at most 1000000000' })
  valueMinor: number;
  @Field() @Matches(/^[A-Z]{3}$/, { message: CURRENCY_CODE_MESSAGE }) currency: string;
  @Field() @Length(1, 2000, { message: 'must be 1 to 2000 characters' }) description: string;
  @Field({ description: 'Unique per proposal; retrying with the same key returns the first proposal.' })
  @Length(8, 100, { message: 'must be 8 to 100 characters' })
  idempotencyKey: string;
}

@InputType()
export class DecideCompensationInput {
  @Field(() => ID) @IsUUID('all', uuid) compensationId: string;
  @Field(() => CompensationDecisionKind) decision: CompensationDecisionKind;
  @Field() @Length(1, 2000, { message: 'give a reason (1 to 2000 characters)' }) reason: string;
}

@InputType()
export class AddCaseAttachmentInput {
  @Field(() => ID) @IsUUID('all', uuid) caseId: string;
  @Field() @Length(1, 200, { message: 'must be 1 to 200 characters' }) fileName: string;
  @Field() @Length(3, 100) contentType: string;
  @Field({ description: 'The file, base64-encoded.' }) @MaxLength(14_000_000) contentBase64: string;
  @Field({ nullable: true, description: 'Visible to the customer (default true).' }) @IsOptional() @IsBoolean() public?: boolean;
}

@InputType()
export class AddMyCaseAttachmentInput {
  @Field(() => ID) @IsUUID('all', uuid) caseId: string;
  @Field() @Length(1, 200, { message: 'must be 1 to 200 characters' }) fileName: string;
  @Field() @Length(3, 100) contentType: string;
  @Field({ description: 'The file, base64-encoded.' }) @MaxLength(14_000_000) contentBase64: string;
}

@InputType()
export class ServiceDeskTeamInput {
  @Field(() => ID, { nullable: true, description: 'Set to change an existing team.' }) @IsOptional() @IsUUID('all', uuid) id?: string;
  @Field() @Length(1, 100, { message: 'must be 1 to 100 characters' }) name: string;
  @Field(() => AutoAssignModeEnum, { defaultValue: 'manual' }) autoAssign: AutoAssignMode;
}

@InputType()
export class ServiceDeskTeamMemberInput {
  @Field(() => ID) @IsUUID('all', uuid) teamId: string;
  @Field(() => ID) @IsUUID('all', uuid) staffUserId: string;
  @Field({ defaultValue: false }) @IsBoolean() supervisor: boolean;
  @Field({ defaultValue: false }) @IsBoolean() absent: boolean;
}

@InputType()
export class CannedResponseInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) id?: string;
  @Field() @Length(1, 100, { message: 'must be 1 to 100 characters' }) name: string;
  @Field() @Length(1, 20000, { message: 'must be 1 to 20000 characters' }) body: string;
}

@InputType({ description: 'Only the fields given change.' })
export class ServiceDeskSettingsInput {
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(200) categories?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(200) rootCauses?: string[];
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(1_000_000_000, { message: 'must be at most 1000000000' })
  compensationApprovalThresholdMinor?: number;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: CURRENCY_CODE_MESSAGE })
  compensationCurrency?: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be 0 to 365 days' })
  @Max(365, { message: 'must be 0 to 365 days' })
  reopenWindowDays?: number;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) seriousKeywords?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', uuid) defaultTeamId?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() breachRaisesSeverity?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10_000_000) attachmentMaxBytes?: number;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) attachmentTypes?: string[];
  @Field(() => Int, {
    nullable: true,
    description: 'The version the change is based on; CONFLICT (nothing stored) when the settings changed since.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@ObjectType('ServiceDeskCodeUsage', { description: 'A category or root cause and how many cases carry it.' })
export class CodeUsageType {
  @Field() code: string;
  @Field({ description: 'On the configured list (offered at resolution); false for a retired code cases still carry.' })
  configured: boolean;
  @Field(() => Int) caseCount: number;
  @Field(() => Int) openCaseCount: number;
}

@ObjectType('ServiceDeskCodeUsages')
export class CodeUsagesType {
  @Field(() => [CodeUsageType]) categories: CodeUsageType[];
  @Field(() => [CodeUsageType]) rootCauses: CodeUsageType[];
}
