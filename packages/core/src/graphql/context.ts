import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Actor } from '../access/actor.js';
import type { Clock } from '../clock/clock.js';
import type { IdentityService } from '../identity/identity.service.js';
import type { EventBus } from '../events/event-bus.js';
import type { Database, Registries } from '../plugin/context.js';
import type { WebhookService } from '../webhooks/webhook.service.js';
import type { PlatformInfo } from './platform.resolver.js';
import type { RequestLoaders } from './loaders.js';
import type { DomainServices } from '../domain/domain.js';
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
  /** What plugins contributed (timeline sources, metrics, privacy contributors...), for core's queries over them. */
  registries: Registries;
  /** The server's clock: the current time for anything a resolver evaluates (due dates, at-risk flags). */
  clock: Clock;
  /** Per-request DataLoaders for relations (core's and plugins'): see `defineLoader`. */
  loaders: RequestLoaders;
  /** Core's customer domain: customers, catalog, purchases, timeline, privacy, import. */
  domain: DomainServices;
}
