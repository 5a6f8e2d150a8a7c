import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { ApiKeyCache } from './api-key-cache.js';

/** The PostgreSQL notification channel on which processes announce API key changes. */
export const API_KEY_CHANNEL = 'aftercare_api_key_cache';

/**
 * Keep the API key caches of every server process on one database consistent: `cache.invalidate()`
 * here sends a notification (`pg_notify`) and every other process listening empties its cache when
 * it arrives. One dedicated connection per process (LISTEN needs a session: connect it to
 * PostgreSQL or a session-pooling pooler, not a transaction-pooling one). While it is down (it
 * reconnects every few seconds) the cache is emptied once more after reconnecting, and entries
 * expire within the cache's TTL anyway. Returns a function that stops listening.
 */
export async function listenForApiKeyInvalidations(cache: ApiKeyCache, databaseUrl: string, logger: Logger): Promise<() => Promise<void>> {
  const me = randomUUID();
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'aftercare-cache-sync' });
    c.on('notification', (msg) => {
      if (msg.channel === API_KEY_CHANNEL && msg.payload !== me) cache.invalidateHere();
    });
    c.on('error', (err) => {
      logger.warn({ err }, 'API key cache: lost the notification connection; reconnecting');
      lost(c);
    });
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${API_KEY_CHANNEL}`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    client = c;
  };
  const reconnectLater = () => {
    if (stopped) return;
    retry = setTimeout(() => {
      connect()
        // Whatever was announced while disconnected is unknown: start afresh.
        .then(() => cache.invalidateHere())
        .catch(reconnectLater);
    }, 3000);
    retry.unref();
  };
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    c.end().catch(() => undefined);
    reconnectLater();
  };

  await connect();
  cache.broadcast = () => {
    client?.query('SELECT pg_notify($1, $2)', [API_KEY_CHANNEL, me]).catch((err: Error) => {
      logger.warn({ err }, 'API key cache: could not notify the other processes; their entries expire within the TTL');
    });
  };
  return async () => {
    stopped = true;
    clearTimeout(retry);
    cache.broadcast = undefined;
    const c = client;
    client = undefined;
    await c?.end().catch(() => undefined);
  };
}
