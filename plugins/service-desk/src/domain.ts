/**
 * The service desk's vocabulary: kinds, channels, severities, states and outcomes of a case, and the
 * compensation types of a claim. Values are stored as text and exposed as GraphQL enums.
 */
import { registerEnumType } from 'type-graphql';

export const CASE_KINDS = ['inquiry', 'complaint', 'claim'] as const;
/** inquiry: a question; complaint: dissatisfaction; claim: dissatisfaction plus a request for compensation. */
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_CHANNELS = ['email', 'portal', 'phone', 'chat', 'api'] as const;
/** How the case reached the service desk: e-mail, web form/portal, phone or chat (logged by staff), API. */
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_SEVERITIES = ['serious', 'moderate', 'minor', 'general'] as const;
/** Triage level: serious goes to supervisors, moderate and minor stay with the team, general needs no action. */
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];

export const CASE_STATUSES = ['new', 'open', 'waiting_on_customer', 'waiting_on_third_party', 'resolved', 'closed', 'merged'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['resolved', 'unfounded', 'no_action'] as const;
/**
 * How a case ended: resolved (the problem was dealt with), unfounded (a misunderstanding, recorded only
 * after the customer was contacted), no_action (a general case that needed nothing).
 */
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const MESSAGE_KINDS = ['reply', 'note', 'customer'] as const;
/** reply: public answer from staff; note: internal, never shown to the customer; customer: written by the customer. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const COMPENSATION_TYPES = ['refund', 'store_credit', 'replacement', 'free_service', 'gesture'] as const;
export type CompensationType = (typeof COMPENSATION_TYPES)[number];

export const COMPENSATION_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

export const AUTO_ASSIGN_MODES = ['manual', 'round_robin', 'least_loaded'] as const;
/** How new cases of a team are assigned: by hand, in turn, or to the member with the fewest open cases. */
export type AutoAssignMode = (typeof AUTO_ASSIGN_MODES)[number];

/** Statuses in which a case still needs work (counted as load, shown as duplicates). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'open', 'waiting_on_customer', 'waiting_on_third_party'];
/** Statuses in which the SLA resolution clock is paused. */
export const WAITING_STATUSES: readonly CaseStatus[] = ['waiting_on_customer', 'waiting_on_third_party'];

const asEnum = <T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<string, T[number]>;

export const CaseKindEnum = asEnum(CASE_KINDS);
export const CaseChannelEnum = asEnum(CASE_CHANNELS);
export const CaseSeverityEnum = asEnum(CASE_SEVERITIES);
export const CaseStatusEnum = asEnum(CASE_STATUSES);
export const CaseOutcomeEnum = asEnum(CASE_OUTCOMES);
export const MessageKindEnum = asEnum(MESSAGE_KINDS);
export const CompensationTypeEnum = asEnum(COMPENSATION_TYPES);
export const CompensationStatusEnum = asEnum(COMPENSATION_STATUSES);
export const AutoAssignModeEnum = asEnum(AUTO_ASSIGN_MODES);

registerEnumType(CaseKindEnum, {
  name: 'CaseKind',
  description: 'inquiry, complaint (dissatisfaction) or claim (plus a request for compensation).',
});
registerEnumType(CaseChannelEnum, { name: 'CaseChannel' });
registerEnumType(CaseSeverityEnum, { name: 'CaseSeverity', description: 'Triage level; serious cases go to supervisors.' });
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(CaseOutcomeEnum, { name: 'CaseOutcome' });
registerEnumType(MessageKindEnum, { name: 'CaseMessageKind' });
registerEnumType(CompensationTypeEnum, { name: 'CompensationType' });
registerEnumType(CompensationStatusEnum, { name: 'CompensationStatus' });
registerEnumType(AutoAssignModeEnum, { name: 'AutoAssignMode' });
