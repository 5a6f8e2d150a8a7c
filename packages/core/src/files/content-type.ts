import { fileTypeFromBuffer } from 'file-type';

const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/x-png': 'image/png' };
// Formats without a signature: accepted when the bytes are text.
const TEXT_TYPES = /^(text\/[a-z0-9.+-]+|application\/(json|xml|csv))$/;

/**
 * Whether `data` really is of the declared content type, judged from its bytes (file signatures,
 * via the file-type library) rather than from what the sender claims. Text types without a
 * signature must be valid UTF-8 without NUL bytes. Returns the problem, or null when they agree.
 */
export async function contentTypeProblem(data: Uint8Array, declared: string): Promise<string | null> {
  const claimed = ALIASES[declared.toLowerCase()] ?? declared.toLowerCase();
  const detected = await fileTypeFromBuffer(data);
  if (detected) {
    const actual = ALIASES[detected.mime] ?? detected.mime;
    return actual === claimed ? null : `the file's content is ${actual}, not ${declared}`;
  }
  if (TEXT_TYPES.test(claimed)) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return `the file's content is not text, so it cannot be ${declared}`;
    }
    return text.includes('\u0000') ? `the file's content is not text, so it cannot be ${declared}` : null;
  }
  return `the file's content is not recognisable as ${declared}`;
}
