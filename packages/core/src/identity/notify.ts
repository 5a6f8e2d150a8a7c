import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

/** One outgoing message. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends messages to people (sign-in codes, password-reset links). Core's default writes each
 * message as a file under `<dataDir>/mail/` and logs it; the notification outbox (SMTP, retries)
 * replaces it behind this same interface.
 */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * The development notifier: writes `<dataDir>/mail/<time>-<random>.txt` (headers, a blank line,
 * the text) and logs recipient, subject and file. Message text is logged only in development.
 */
export function createFileNotifier(options: { dataDir: string; logger: Logger; logText: boolean }): Notifier {
  const dir = path.join(options.dataDir, 'mail');
  return {
    async send(message) {
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.txt`);
      await fs.writeFile(file, `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`, { mode: 0o600 });
      options.logger.info(
        { to: message.to, subject: message.subject, file, ...(options.logText ? { text: message.text } : {}) },
        'message written (development mail)',
      );
    },
  };
}
