import { ImapFlow } from 'imapflow';

/** An IMAP account to poll. */
export interface ImapAccount {
  host: string;
  port: number;
  /** TLS from the start (port 993); false: plain connection, upgraded by STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  /** Folder to read, e.g. `INBOX`. */
  folder: string;
  /** Accept a self-signed server certificate (an internal mail server); default false. */
  allowSelfSigned?: boolean;
}

/**
 * Fetch every unseen message of the account's folder, hand each (RFC 822 source) to `onMessage`,
 * and flag it `\Seen` once `onMessage` resolved. A message whose handling throws stays unseen and
 * is fetched again by the next poll; the intake's Message-ID record keeps that idempotent.
 * Resolves to the number of messages handled.
 */
export async function fetchUnseen(account: ImapAccount, onMessage: (raw: Buffer) => Promise<void>): Promise<number> {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure,
    auth: { user: account.user, pass: account.password },
    logger: false,
    tls: { rejectUnauthorized: !account.allowSelfSigned },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  });
  client.on('error', () => undefined);
  await client.connect();
  let handled = 0;
  try {
    const lock = await client.getMailboxLock(account.folder);
    try {
      // Collect first: no other IMAP command may run while a FETCH is streaming.
      const unseen = await client.search({ seen: false }, { uid: true });
      for (const uid of unseen || []) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        await onMessage(message.source);
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        handled += 1;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return handled;
}
