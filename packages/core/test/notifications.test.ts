import { createTestServer, type TestServer, eventually } from '@aftercare/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, NotificationRecord, type PluginContext } from '../src/index.js';

/** A plugin with one bilingual template, like a service desk acknowledging a case. */
function ackPlugin() {
  let ctx: PluginContext | undefined;
  const plugin = definePlugin({
    name: 'acks',
    version: '1.0.0',
    compatibility: '^0.1.0',
    setup(c) {
      ctx = c;
      c.notify.defineTemplate('received', {
        en: { subject: 'We received your request {{reference}}', text: 'Hello {{name}},\n\nwe answer within {{hours}} hours.' },
        es: { subject: 'Hemos recibido su solicitud {{reference}}', text: 'Hola {{name}}:\n\nrespondemos en {{hours}} horas.' },
      });
    },
  });
  return { plugin, ctx: () => ctx! };
}

describe('notification outbox', () => {
  let server: TestServer;
  const acks = ackPlugin();
  const refused = new Set<string>();
  beforeAll(async () => {
    server = await createTestServer({
      plugins: [acks.plugin],
      config: { jobPollSeconds: 0.5, retryDelaySeconds: 1, deliveryMaxAttempts: 2 },
      mailTransport: async (m) => {
        if (refused.has(m.to)) throw new Error('550 mailbox unavailable');
      },
    });
  });
  afterAll(() => server?.stop());
  const rows = (to: string) => server.app.dataSource.getRepository(NotificationRecord).findBy({ recipient: to });

  it("sends a templated message in the recipient's locale only when the transaction commits", async () => {
    const data = { reference: 'SD-1042', name: 'Ana <Ruiz>', hours: 8 };
    await server.app.dataSource
      .transaction(async (m) => {
        await acks.ctx().notify.enqueue(m, { to: 'lost@example.com', template: 'received', locale: 'es', data });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    await server.app.dataSource.transaction((m) =>
      acks.ctx().notify.enqueue(m, { to: 'Ana@Example.com', template: 'received', locale: 'es-MX', data }),
    );
    const message = await server.waitForMessage('ana@example.com', 5000);
    expect(message).toEqual({
      to: 'ana@example.com',
      subject: 'Hemos recibido su solicitud SD-1042',
      text: 'Hola Ana <Ruiz>:\n\nrespondemos en 8 horas.',
    });
    expect(await rows('lost@example.com')).toEqual([]);
    await eventually(async () => (await rows('ana@example.com'))[0]?.status === 'sent', { what: 'the message marked sent' });
    expect((await rows('ana@example.com'))[0]).toMatchObject({ owner: 'acks', template: 'acks.received', locale: 'es', attempts: 1 });
  });

  it('falls back to English for a locale without a translation', async () => {
    await acks
      .ctx()
      .notify.send({ to: 'jean@example.com', template: 'received', locale: 'fr', data: { reference: 'X', name: 'Jean', hours: 4 } });
    expect((await server.waitForMessage('jean@example.com', 5000)).subject).toBe('We received your request X');
  });

  it('retries a refused message and then records it as failed with the reason', async () => {
    refused.add('bounce@example.com');
    await acks.ctx().notify.send({ to: 'bounce@example.com', subject: 'Hi', text: 'x' });
    await eventually(async () => (await rows('bounce@example.com'))[0]?.status === 'failed', { what: 'the message marked failed' });
    expect((await rows('bounce@example.com'))[0]).toMatchObject({ attempts: 2, lastError: '550 mailbox unavailable' });
    expect(server.messages.some((m) => m.to === 'bounce@example.com')).toBe(false);
  });

  it('erases the body of a message carrying a secret once it is sent', async () => {
    await acks.ctx().notify.send({ to: 'code@example.com', subject: 'Your code', text: 'Code 123456' }, { sensitive: true });
    expect((await server.waitForMessage('code@example.com', 5000)).text).toBe('Code 123456');
    await eventually(async () => (await rows('code@example.com'))[0]?.status === 'sent', { what: 'the code marked sent' });
    expect((await rows('code@example.com'))[0]!.body).toBeNull();
  });

  it('refuses an undefined template and a malformed address before queuing anything', async () => {
    await expect(acks.ctx().notify.send({ to: 'a@example.com', template: 'nope' })).rejects.toThrow(
      "Message template 'acks.nope' is not defined.",
    );
    await expect(acks.ctx().notify.send({ to: 'not-an-address', subject: 's', text: 't' })).rejects.toThrow('not an e-mail address');
    expect(await rows('a@example.com')).toEqual([]);
  });
});
