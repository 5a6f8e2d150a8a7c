/** What is known about the customer of a case, removed wherever it appears. */
export interface KnownPersonalData {
  names?: string[];
  emails?: string[];
  phones?: string[];
  references?: string[];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Phone numbers: 7+ digits with optional +, spaces, dots, dashes and parentheses between them.
const PHONE = /(?:\+|00)?\d(?:[\s().-]*\d){6,}/g;
// Order, invoice, purchase and case references: a prefix word then a number, or an uppercase code with digits.
const ORDER_WORDS =
  /\b(?:order|pedido|invoice|factura|purchase|compra|ref(?:erence)?|case|caso)\s*(?:no\.?|n[ºo°]\.?|number|n[uú]mero|#)?\s*[:#]?\s*(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{2,}\b/giu;
const CODES = /\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z][A-Z0-9]*-[A-Z0-9-]+\b|#\d{3,}\b/g;
// A greeting or sign-off followed by a capitalised name ("Hi Ana,", "Regards, Ana Test").
const GREETING_WORDS = [
  'hi',
  'hello',
  'dear',
  'hola',
  'estimado',
  'estimada',
  'regards',
  'thanks',
  'thank you',
  'gracias',
  'saludos',
  'cheers',
  'best',
];
const GREETING = new RegExp(
  `(?<![\\p{L}])(${GREETING_WORDS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})([,\\s]+)(\\p{Lu}[\\p{L}'-]+(?:[ \\t]+\\p{Lu}[\\p{L}'-]+)?)`,
  'gu',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Remove personal data from text written in a case before it becomes an article draft: the customer's known
 * names (each word of them), e-mails and phone numbers, then anything that looks like an e-mail address, a
 * phone number, an order or case reference, or a name after a greeting.
 */
export function removePersonalData(text: string, known: KnownPersonalData = {}): string {
  let out = text;
  for (const ref of known.references ?? []) if (ref.trim()) out = out.replace(new RegExp(escapeRegExp(ref.trim()), 'gi'), '[reference]');
  for (const email of known.emails ?? []) if (email.trim()) out = out.replace(new RegExp(escapeRegExp(email.trim()), 'gi'), '[e-mail]');
  for (const phone of known.phones ?? []) if (phone.trim()) out = out.replace(new RegExp(escapeRegExp(phone.trim()), 'g'), '[phone]');
  out = out.replace(EMAIL, '[e-mail]');
  out = out.replace(ORDER_WORDS, '[reference]');
  out = out.replace(CODES, '[reference]');
  out = out.replace(PHONE, '[phone]');
  const words = new Set<string>();
  for (const name of known.names ?? []) for (const w of name.split(/\s+/)) if (w.length > 1) words.add(w);
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'giu'), '[name]');
  }
  out = out.replace(GREETING, (_m, g: string, sep: string) => `${g}${sep}[name]`);
  return out;
}
