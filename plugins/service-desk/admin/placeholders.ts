/**
 * Canned responses in the composer: the agent sees the text with its placeholders already filled
 * and can edit it before sending. The server knows the same placeholders (and refuses others when a
 * response is saved).
 */

/** What the placeholders of a canned response stand for in one case. */
export interface PlaceholderValues {
  customerName: string | null | undefined;
  reference: string;
  subject: string;
  agentName: string | null | undefined;
}

const PATTERN = /\{\{\s*([A-Za-z_]+\.[A-Za-z_]+)\s*\}\}/g;

/**
 * Fill `{{customer.name}}`, `{{case.reference}}`, `{{case.subject}}` and `{{agent.name}}`. A value
 * the console does not know (the customer's name without permission to read customers) and unknown
 * placeholders stay as written, so the agent sees what is left to fill in.
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  const known: Record<string, string | null | undefined> = {
    'customer.name': values.customerName,
    'case.reference': values.reference,
    'case.subject': values.subject,
    'agent.name': values.agentName,
  };
  return body.replace(PATTERN, (whole, name: string) => known[name] || whole);
}

/** Insert `text` into `draft` at the cursor (or append it on a new paragraph). */
export function insertAt(draft: string, text: string, cursor?: number | null): string {
  if (cursor == null || cursor < 0 || cursor > draft.length) return draft.trim() ? `${draft.replace(/\s+$/, '')}\n\n${text}` : text;
  return draft.slice(0, cursor) + text + draft.slice(cursor);
}
