import { defineEvent } from '@aftercare/core';
import type { SurveyKind } from './domain.js';

/** Payload of both survey events: ids and the score, never the customer's words. */
export interface SurveyAnswerPayload {
  responseId: string;
  surveyId: string;
  customerId: string;
  kind: SurveyKind;
  score: number;
  /** The event type that triggered the survey, e.g. `service-desk.case.resolved`. */
  triggerEvent: string | null;
  /** The request the survey is about (case, repair order, return). */
  subjectId: string | null;
}

/** A customer answered the main question of a survey (once per response). */
export const responseSubmitted = defineEvent<SurveyAnswerPayload>('surveys.response.submitted', {
  description: 'A customer answered a survey (CSAT, NPS or CES score).',
});

/** A detractor's score was recorded (once per response); the service desk opens a complaint case from it. */
export const detractorDetected = defineEvent<SurveyAnswerPayload>('surveys.detractor.detected', {
  description: 'A survey answer scored as a detractor (NPS 0–6, CSAT 1–2, CES 6–7 by default).',
});

/** Every event the plugin declares (webhooks can subscribe to them). */
export const events = [responseSubmitted, detractorDetected];
