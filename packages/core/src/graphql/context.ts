import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Actor } from '../access/actor.js';
import type { IdentityService } from '../identity/identity.service.js';
import type { EventBus } from '../events/event-bus.js';
import type { Database } from '../plugin/context.js';
import type { WebhookService } from '../webhooks/webhook.service.js';
import type { PlatformInfo } from './platform.resolver.js';
import type { EditableSettings } from '../settings/settings.service.js';

/** The context every resolver receives (`@Ctx() ctx: GraphQLContext`). */
export interface GraphQLContext {
  requestId: string;
  ip: string;
  logger: Logger;
  db: Database;
  platform: PlatformInfo;
  events: EventBus;
  webhooks: WebhookService;
  request: FastifyRequest;
  reply: FastifyReply;
  /**
   * Who is calling, resolved once per request from the session cookie, `Authorization: Bearer`
   * or `x-api-key`. Invalid, expired or revoked credentials resolve to anonymous.
   */
  actor: Actor;
  /** Settings of the enabled plugins that declare a schema, by plugin name. */
  settings: ReadonlyMap<string, EditableSettings>;
  /** Core's identity service (used by core's resolvers; plugins use `ctx.actor` and the access helpers). */
  identity: IdentityService;
}
