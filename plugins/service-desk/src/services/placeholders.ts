import { ValidationError } from '@aftercare/core';

/** Placeholders a canned response may use, and what they stand for. */
export const PLACEHOLDERS = {
  'customer.name': "the customer's name",
  'case.reference': 'the case reference, e.g. SD-1042',
  'case.subject': "the case's subject",
  'agent.name': 'the name of the agent replying',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const PATTERN = /\{\{\s*([A-Za-z_]+\.[A-Za-z_]+)\s*\}\}/g;

/** Placeholders in `body` that are not known; empty when the text is usable. */
export function unknownPlaceholders(body: string): string[] {
  return [...body.matchAll(PATTERN)].map((m) => m[1]!).filter((name) => !(name in PLACEHOLDERS));
}

/** Reject a canned response naming placeholders that do not exist. */
export function checkPlaceholders(body: string, field = 'body'): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length) {
    throw new ValidationError([
      {
        field,
        message: `unknown placeholder(s) ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${Object.keys(PLACEHOLDERS)
          .map((p) => `{{${p}}}`)
          .join(', ')}`,
      },
    ]);
  }
}

/** Fill the placeholders of a canned response. */
export function renderPlaceholders(body: string, values: Record<Placeholder, string>): string {
  return body.replace(PATTERN, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}
