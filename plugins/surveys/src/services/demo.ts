import type { DemoContribution } from '@aftercare/core';
import type { SurveyContent } from '../content.js';
import { SurveyInvitation } from '../entities/invitation.entity.js';
import { SurveyResponse } from '../entities/response.entity.js';
import { Survey, SurveyVersion } from '../entities/survey.entity.js';
import { SurveyTrigger } from '../entities/trigger.entity.js';

const NPS: SurveyContent = {
  defaultLocale: 'en',
  question: [
    { locale: 'en', text: 'How likely are you to recommend us to a friend or colleague?' },
    { locale: 'es', text: '¿Qué probabilidad hay de que nos recomiende a un amigo o colega?' },
  ],
  thankYou: [
    { locale: 'en', text: 'Thank you for your answer!' },
    { locale: 'es', text: '¡Gracias por su respuesta!' },
  ],
  followUps: [
    {
      key: 'what_went_wrong',
      type: 'text',
      label: [
        { locale: 'en', text: 'What went wrong?' },
        { locale: 'es', text: '¿Qué salió mal?' },
      ],
      options: [],
      minScore: null,
      maxScore: 6,
      ratingMax: null,
    },
    {
      key: 'best_part',
      type: 'text',
      label: [
        { locale: 'en', text: 'What did you like most?' },
        { locale: 'es', text: '¿Qué le gustó más?' },
      ],
      options: [],
      minScore: 7,
      maxScore: null,
      ratingMax: null,
    },
  ],
};

const COMMENTS = [
  'Fast and friendly.',
  'Took too long to get an answer.',
  'The technician was great.',
  'Had to call three times.',
  null,
  null,
];

/** Demo data: an NPS survey on resolved cases with a few months of answers, so the analytics page has something to show. */
export const surveyDemo: DemoContribution = {
  name: 'surveys',
  async seed({ manager, random, now, customers }) {
    const survey = await manager.save(
      manager.create(Survey, {
        name: 'After case resolution',
        kind: 'nps',
        active: true,
        currentVersion: 1,
        content: NPS,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await manager.insert(SurveyVersion, { surveyId: survey.id, version: 1, content: NPS, createdAt: now });
    await manager.insert(SurveyTrigger, {
      surveyId: survey.id,
      eventType: 'service-desk.case.resolved',
      delayMinutes: 60,
      samplingPercent: 100,
      conditions: [],
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    const from = new Date(now.getTime() - 120 * 86_400_000);
    for (const customer of customers.slice(0, 60)) {
      const sentAt = random.date(from, now);
      const channel = random.pick(['email', 'portal', 'phone', 'chat']);
      const inv = await manager.save(
        manager.create(SurveyInvitation, {
          surveyId: survey.id,
          customerId: customer.id,
          triggerEvent: 'service-desk.case.resolved',
          subjectId: null,
          context: { channel, kind: random.pick(['inquiry', 'complaint', 'claim']) },
          status: 'sent',
          sendAt: sentAt,
          sentAt,
          lastContactAt: sentAt,
          expiresAt: new Date(sentAt.getTime() + 14 * 86_400_000),
          createdAt: sentAt,
        }),
      );
      if (!random.chance(0.6)) continue;
      const score = random.weighted([
        [10, 4],
        [9, 4],
        [8, 3],
        [7, 2],
        [6, 1],
        [4, 1],
        [2, 1],
      ] as const);
      const comment = random.pick(COMMENTS);
      const answeredAt = new Date(sentAt.getTime() + random.int(1, 48) * 3_600_000);
      await manager.insert(SurveyResponse, {
        invitationId: inv.id,
        surveyId: survey.id,
        surveyVersion: 1,
        customerId: customer.id,
        kind: 'nps',
        score,
        detractor: score <= 6,
        answers: comment ? { [score <= 6 ? 'what_went_wrong' : 'best_part']: comment } : {},
        comment,
        tags: [],
        status: random.pick(['new', 'acknowledged', 'closed']),
        triggerEvent: inv.triggerEvent,
        subjectId: null,
        context: inv.context,
        completed: true,
        answeredAt,
        updatedAt: answeredAt,
      });
      await manager.update(SurveyInvitation, { id: inv.id }, { status: 'answered', completedAt: answeredAt });
    }
  },
};
