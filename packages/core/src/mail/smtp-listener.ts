import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import type { MailIntake } from './mail-intake.service.js';

/** A running SMTP listener. */
export interface SmtpListener {
  /** The port it listens on (useful when configured as 0). */
  port: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The built-in SMTP listener: accepts mail for the addresses of SMTP mailboxes (others get 550),
 * refuses messages over the size limit (552), and hands each message to the intake. It is meant to
 * receive from the company's own mail server (a relay of the support address), so it offers neither
 * authentication nor STARTTLS: bind it to a private address.
 */
export async function startSmtpListener(options: {
  intake: MailIntake;
  host: string;
  port: number;
  logger: Logger;
}): Promise<SmtpListener> {
  const { intake, logger } = options;
  const server = new SMTPServer({
    name: 'aftercare',
    banner: 'Aftercare mail intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: intake.limits.maxBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      intake.smtpMailbox(address.address).then(
        (key) => callback(key ? null : smtpError(550, 'No such mailbox here')),
        () => callback(smtpError(451, 'Temporary failure, try again later')),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `Message exceeds the size limit of ${intake.limits.maxBytes} bytes`));
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        intake.deliverSmtp(Buffer.concat(chunks), recipients).then(
          () => callback(null),
          (err: Error) => {
            logger.error({ err: err.message }, 'inbound SMTP message could not be processed');
            callback(smtpError(451, 'Temporary failure, try again later'));
          },
        );
      });
    },
  });
  server.on('error', (err) => logger.error({ err: err.message }, 'SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  logger.info({ host: options.host, port }, 'SMTP listener started');
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
