import { defineEnum, defineStateMachine } from '@aftercare/core';

/** The main question's scale: CSAT 1–5, NPS 0–10, CES 1–7. */
export const SURVEY_KINDS = ['csat', 'nps', 'ces'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SurveyKindEnum = defineEnum(SURVEY_KINDS, 'SurveyKind', 'Main question: CSAT (1–5), NPS (0–10) or CES (1–7).');

/** Lowest and highest score of each kind. */
export const SCALES: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};

/** Follow-up question types. */
export const FOLLOW_UP_TYPES = ['text', 'single', 'multiple', 'rating'] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];
export const SurveyFollowUpTypeEnum = defineEnum(
  FOLLOW_UP_TYPES,
  'SurveyFollowUpType',
  'Open text, single choice, multiple choice or a 1–N rating.',
);

/** Follow-up status of a response: closing the loop with the customer. */
export const FOLLOW_UP_STATUSES = ['new', 'acknowledged', 'followed_up', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const SurveyFollowUpStatusEnum = defineEnum(FOLLOW_UP_STATUSES, 'SurveyFollowUpStatus', 'Follow-up state of a survey response.');

/** The follow-up of a response moves forward; it may be closed from any state and reopened to acknowledged. */
export const followUpMachine = defineStateMachine<FollowUpStatus>({
  subjectType: 'surveys.response',
  objectName: 'Survey response',
  auditObjectType: 'SurveyResponse',
  initial: 'new',
  transitions: {
    new: ['acknowledged', 'followed_up', 'closed'],
    acknowledged: ['followed_up', 'closed'],
    followed_up: ['closed', 'acknowledged'],
    closed: ['acknowledged'],
  },
  labels: { new: 'New', acknowledged: 'Acknowledged', followed_up: 'Followed up', closed: 'Closed' },
});

/** Where an invitation stands. */
export const INVITATION_STATUSES = ['scheduled', 'sent', 'answered', 'skipped'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Break-down dimensions of the analytics, and the trigger context field each reads. */
export const DIMENSIONS = {
  agent: { field: 'agentId', person: true },
  technician: { field: 'technicianId', person: true },
  team: { field: 'teamId', person: false },
  model: { field: 'modelId', person: false },
  channel: { field: 'channel', person: false },
  kind: { field: 'kind', person: false },
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export const SurveyDimensionEnum = defineEnum(
  Object.keys(DIMENSIONS) as Dimension[],
  'SurveyDimension',
  'Break-down of survey analytics: by agent, technician, team, product model, channel or request kind.',
);

/** Detractor thresholds (configurable in the settings). */
export interface DetractorThresholds {
  npsDetractorMax: number;
  csatDetractorMax: number;
  cesDetractorMin: number;
}

/** Whether a score is a detractor's: NPS 0–6, CSAT 1–2, CES 6–7 by default. */
export function isDetractor(kind: SurveyKind, score: number, t: DetractorThresholds): boolean {
  if (kind === 'nps') return score <= t.npsDetractorMax;
  if (kind === 'csat') return score <= t.csatDetractorMax;
  return score >= t.cesDetractorMin;
}
