import { defineEnum, defineStateMachine } from '@aftercare/core';

/** The states of an item, as stored. */
export const ITEM_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type SurveysItemStatus = (typeof ITEM_STATUSES)[number];

/** The GraphQL enum of the states (`IN_PROGRESS` ↔ `in_progress`). */
export const SurveysItemStatusEnum = defineEnum(ITEM_STATUSES, 'SurveysItemStatus', 'State of a Surveys item.');

/**
 * The one table of allowed moves: the service moves items only through it (`ctx.states.transition`),
 * GraphQL exposes `allowedTransitions` from it and the console offers exactly those buttons.
 */
export const itemMachine = defineStateMachine<SurveysItemStatus>({
  subjectType: 'surveys.item',
  objectName: 'Surveys item',
  auditObjectType: 'SurveysItem',
  initial: 'open',
  transitions: {
    open: ['in_progress', 'cancelled'],
    in_progress: ['done', 'open', 'cancelled'],
    done: [],
    cancelled: [],
  },
  labels: { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
});
