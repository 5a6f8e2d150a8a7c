import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Actor } from '../access/actor.js';
import type { Clock } from '../clock/clock.js';
import type { IdentityService } from '../identity/identity.service.js';
import type { EventBus } from '../events/event-bus.js';
import type { Database, Registries } from '../plugin/context.js';
import type { WebhookService } from '../webhooks/webhook.service.js';
import type { PlatformInfo } from './platform.resolver.js';
import { RequestLoaders } from './loaders.js';
import type { DomainServices } from '../domain/domain.js';
import type { MailIntake } from '../mail/mail-intake.service.js';
import type { StaffNotificationService } from '../staff-notifications/staff-notification.service.js';
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
  /** Inbound e-mail: quarantine and bounce marks. */
  mail: MailIntake;
  /** The staff notification centre. */
  staffNotifications: StaffNotificationService;
}

/** What every request's context shares: built once at boot. */
export type SharedContext = Pick<
  GraphQLContext,
  'db' | 'platform' | 'events' | 'webhooks' | 'settings' | 'identity' | 'registries' | 'domain' | 'mail' | 'staffNotifications' | 'clock'
> & { logger: Logger };

/**
 * The per-request context. It holds only what differs per request; the shared services are read
 * through from the boot-time object, and what a request may not need (its child logger, its
 * DataLoaders) is made on first use, so a request that touches neither pays for neither.
 */
export class RequestGraphQLContext implements GraphQLContext {
  // Plain properties, not #private ones: contexts derived with Object.create(ctx) must read them too.
  private lazyLogger: Logger | undefined;
  private lazyLoaders: RequestLoaders | undefined;

  constructor(
    private readonly shared: SharedContext,
    base: Pick<GraphQLContext, 'requestId' | 'ip' | 'request' | 'reply'>,
    readonly actor: Actor,
  ) {
    this.requestId = base.requestId;
    this.ip = base.ip;
    this.request = base.request;
    this.reply = base.reply;
  }

  readonly requestId: string;
  readonly ip: string;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;

  get logger(): Logger {
    return (this.lazyLogger ??= this.shared.logger.child({ requestId: this.requestId }));
  }
  get loaders(): RequestLoaders {
    return (this.lazyLoaders ??= new RequestLoaders());
  }
  get db(): Database {
    return this.shared.db;
  }
  get platform(): PlatformInfo {
    return this.shared.platform;
  }
  get events(): EventBus {
    return this.shared.events;
  }
  get webhooks(): WebhookService {
    return this.shared.webhooks;
  }
  get settings(): ReadonlyMap<string, EditableSettings> {
    return this.shared.settings;
  }
  get identity(): IdentityService {
    return this.shared.identity;
  }
  get registries(): Registries {
    return this.shared.registries;
  }
  get domain(): DomainServices {
    return this.shared.domain;
  }
  get clock(): Clock {
    return this.shared.clock;
  }
  get mail(): MailIntake {
    return this.shared.mail;
  }
  get staffNotifications(): StaffNotificationService {
    return this.shared.staffNotifications;
  }
}
