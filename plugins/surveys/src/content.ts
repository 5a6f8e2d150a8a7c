import { ValidationError } from '@aftercare/core';
import { type FollowUpType, SCALES, type SurveyKind } from './domain.js';

/** A text in one locale (BCP 47, e.g. `en`, `es`, `es-MX`). */
export interface LocalizedText {
  locale: string;
  text: string;
}

/** One option of a choice question. */
export interface FollowUpOption {
  key: string;
  label: LocalizedText[];
}

/** A follow-up question, shown when the main score is within [minScore, maxScore] (branching). */
export interface FollowUpQuestion {
  key: string;
  type: FollowUpType;
  label: LocalizedText[];
  options: FollowUpOption[];
  /** Ask only when the main score is at least this (null: no lower bound). */
  minScore: number | null;
  /** Ask only when the main score is at most this (null: no upper bound). */
  maxScore: number | null;
  /** Highest value of a `rating` question (1..ratingMax). */
  ratingMax: number | null;
}

/** Everything a survey version says: stored as JSON, one snapshot per version. */
export interface SurveyContent {
  defaultLocale: string;
  question: LocalizedText[];
  thankYou: LocalizedText[];
  followUps: FollowUpQuestion[];
}

/** One answer to a follow-up question. */
export interface FollowUpAnswer {
  key: string;
  text?: string | null;
  choices?: string[] | null;
  rating?: number | null;
}

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const KEY = /^[a-z][a-z0-9_-]{0,39}$/;
export const TEXT_MAX = 2000;
export const LABEL_MAX = 500;

type FieldError = { field: string; message: string };

function checkTexts(errors: FieldError[], field: string, texts: LocalizedText[], required: boolean, max = LABEL_MAX): LocalizedText[] {
  const seen = new Set<string>();
  const out: LocalizedText[] = [];
  texts.forEach((t, i) => {
    const locale = t.locale.trim();
    const text = t.text.trim();
    if (!LOCALE.test(locale)) errors.push({ field: `${field}.${i}.locale`, message: 'must be a language tag such as en or es-MX' });
    else if (seen.has(locale.toLowerCase())) errors.push({ field: `${field}.${i}.locale`, message: `${locale} is given twice` });
    seen.add(locale.toLowerCase());
    if (text.length > max) errors.push({ field: `${field}.${i}.text`, message: `at most ${max} characters` });
    if (text) out.push({ locale, text });
  });
  if (required && out.length === 0) errors.push({ field, message: 'give the text in at least one language' });
  return out;
}

/**
 * Validate and normalise a survey's content for its kind: translations, follow-ups with unique keys,
 * choice options, branching bounds within the scale. Throws VALIDATION_FAILED naming each field.
 */
export function validateContent(kind: SurveyKind, input: SurveyContent): SurveyContent {
  const errors: FieldError[] = [];
  const scale = SCALES[kind];
  const defaultLocale = input.defaultLocale.trim();
  if (!LOCALE.test(defaultLocale)) errors.push({ field: 'defaultLocale', message: 'must be a language tag such as en or es' });
  const question = checkTexts(errors, 'question', input.question, true);
  if (question.length && !question.some((q) => q.locale === defaultLocale))
    errors.push({ field: 'question', message: `give the question in the default language (${defaultLocale})` });
  const thankYou = checkTexts(errors, 'thankYou', input.thankYou, false);
  if (input.followUps.length > 20) errors.push({ field: 'followUps', message: 'at most 20 follow-up questions' });
  const keys = new Set<string>();
  const followUps = input.followUps.slice(0, 20).map((f, i): FollowUpQuestion => {
    const field = `followUps.${i}`;
    const key = f.key.trim();
    if (!KEY.test(key)) errors.push({ field: `${field}.key`, message: 'use lower-case letters, digits, - and _ (up to 40)' });
    else if (keys.has(key)) errors.push({ field: `${field}.key`, message: `${key} is used twice` });
    keys.add(key);
    const label = checkTexts(errors, `${field}.label`, f.label, true);
    const choice = f.type === 'single' || f.type === 'multiple';
    const optionKeys = new Set<string>();
    const options = choice
      ? f.options.slice(0, 30).map((o, j) => {
          const k = o.key.trim();
          if (!KEY.test(k)) errors.push({ field: `${field}.options.${j}.key`, message: 'use lower-case letters, digits, - and _' });
          else if (optionKeys.has(k)) errors.push({ field: `${field}.options.${j}.key`, message: `${k} is used twice` });
          optionKeys.add(k);
          return { key: k, label: checkTexts(errors, `${field}.options.${j}.label`, o.label, true) };
        })
      : [];
    if (choice && options.length < 2) errors.push({ field: `${field}.options`, message: 'a choice question needs at least two options' });
    if (f.options.length > 30) errors.push({ field: `${field}.options`, message: 'at most 30 options' });
    for (const bound of ['minScore', 'maxScore'] as const) {
      const v = f[bound];
      if (v != null && (!Number.isInteger(v) || v < scale.min || v > scale.max))
        errors.push({ field: `${field}.${bound}`, message: `must be a score from ${scale.min} to ${scale.max}` });
    }
    if (f.minScore != null && f.maxScore != null && f.minScore > f.maxScore)
      errors.push({ field: `${field}.maxScore`, message: 'must not be below minScore' });
    const ratingMax = f.type === 'rating' ? (f.ratingMax ?? 5) : null;
    if (ratingMax != null && (!Number.isInteger(ratingMax) || ratingMax < 2 || ratingMax > 10))
      errors.push({ field: `${field}.ratingMax`, message: 'must be from 2 to 10' });
    return { key, type: f.type, label, options, minScore: f.minScore ?? null, maxScore: f.maxScore ?? null, ratingMax };
  });
  if (errors.length) throw new ValidationError(errors);
  return { defaultLocale, question, thankYou, followUps };
}

/**
 * The text for `locale`, falling back to its language (`es-MX` → `es`), then the survey's default
 * language, then the first translation.
 */
export function localize(texts: readonly LocalizedText[], locale: string | null | undefined, defaultLocale: string): string {
  const want = (locale ?? '').toLowerCase();
  const lang = want.split('-')[0];
  return (
    texts.find((t) => t.locale.toLowerCase() === want)?.text ??
    texts.find((t) => t.locale.toLowerCase() === lang)?.text ??
    texts.find((t) => t.locale.toLowerCase().split('-')[0] === lang)?.text ??
    texts.find((t) => t.locale === defaultLocale)?.text ??
    texts[0]?.text ??
    ''
  );
}

/** Whether a follow-up is asked for this main score (branching). */
export function asks(f: FollowUpQuestion, score: number | null): boolean {
  if (score == null) return f.minScore == null && f.maxScore == null;
  return (f.minScore == null || score >= f.minScore) && (f.maxScore == null || score <= f.maxScore);
}

/**
 * Check answers against the version's questions: known keys, the right shape per type, options that
 * exist, ratings in range. Returns them keyed by question, ready to merge into the stored answers.
 */
export function validateAnswers(content: SurveyContent, answers: FollowUpAnswer[]): Record<string, string | string[] | number | null> {
  const errors: FieldError[] = [];
  const out: Record<string, string | string[] | number | null> = {};
  if (answers.length > 40) throw new ValidationError([{ field: 'answers', message: 'at most 40 answers' }]);
  answers.forEach((a, i) => {
    const field = `answers.${i}`;
    const q = content.followUps.find((f) => f.key === a.key);
    if (!q) return void errors.push({ field: `${field}.key`, message: `this survey has no question ${a.key.slice(0, 40)}` });
    if (q.type === 'text') {
      const text = (a.text ?? '').trim();
      if (text.length > TEXT_MAX) errors.push({ field: `${field}.text`, message: `at most ${TEXT_MAX} characters` });
      out[q.key] = text || null;
    } else if (q.type === 'rating') {
      const r = a.rating;
      if (r != null && (!Number.isInteger(r) || r < 1 || r > (q.ratingMax ?? 5)))
        errors.push({ field: `${field}.rating`, message: `must be from 1 to ${q.ratingMax ?? 5}` });
      out[q.key] = r ?? null;
    } else {
      const choices = [...new Set(a.choices ?? [])];
      const unknown = choices.filter((c) => !q.options.some((o) => o.key === c));
      if (unknown.length) errors.push({ field: `${field}.choices`, message: `unknown option ${unknown[0]!.slice(0, 40)}` });
      if (q.type === 'single' && choices.length > 1) errors.push({ field: `${field}.choices`, message: 'choose one option' });
      out[q.key] = choices.length ? choices : null;
    }
  });
  if (errors.length) throw new ValidationError(errors);
  return out;
}
