/**
 * @aftercare/core — the plugin host and the services plugins receive.
 * Plugin authors need `definePlugin`, the error classes and the context types; the composition
 * root needs `loadConfig` and `startAftercare`.
 */
import 'reflect-metadata';

export { CORE_VERSION } from './version.js';
export * from './errors.js';
export { type Clock, systemClock, delayUntil } from './clock/clock.js';
export { defineStateMachine, type StateMachine, type StateMachineDefinition } from './state/state-machine.js';
export {
  StateTransitions,
  auditPrefix,
  actorFromKey,
  type Mover,
  type StatefulRow,
  type TransitionRequest,
  type TransitionResult,
} from './state/transitions.js';
export { StatusHistoryRecord } from './state/status-history.entity.js';
export { StatusChangeType, statusHistory } from './state/status-history.graphql.js';
export {
  CUSTOMER_READ_PERMISSION,
  canReadCustomer,
  CustomerRefType,
  ProductModelRefType,
  StaffRefType,
  customerRef,
  productModelRef,
  purchaseRef,
  staffRef,
  actorName,
  type ActorKey,
} from './domain/references.js';
export { defineConfig, loadConfig, SETTINGS, type AftercareConfig, type AftercareConfigInput, type PluginEntry } from './config.js';
export {
  definePlugin,
  tablePrefix,
  BUILT_IN_ROLES,
  type BuiltInRoleName,
  type PluginDefinition,
  type PermissionDeclaration,
  type MigrationClass,
  type PluginResolverClass,
} from './plugin/define-plugin.js';
export {
  access,
  actorRef,
  hasPermission,
  requirePermission,
  requireCustomer,
  requireStaff,
  requireSignedIn,
  requireDifferentActor,
  requireApprovalAuthority,
  ANONYMOUS,
  type Actor,
  type ActorRef,
  type HasActor,
  type AccessService,
} from './access/actor.js';
export {
  Public,
  CustomerOnly,
  STAFF,
  CUSTOMER,
  authChecker,
  rootFieldPolicies,
  checkRootFieldPolicies,
  type FieldPolicy,
  type RootFieldPolicy,
} from './access/policy.js';
export {
  audit,
  diffChanges,
  maskValue,
  findAuditEvents,
  purgeAuditEvents,
  PERSONAL_FIELDS,
  type AuditEntry,
  type AuditFilter,
  type AuditService,
} from './audit/audit.service.js';
export { IdentityService, SESSION_COOKIE, normalizeEmail, type IssuedSession, type IdentityOptions } from './identity/identity.service.js';
export {
  createMailTransport,
  pickLocale,
  renderTemplate,
  type Notifier,
  type OutgoingMessage,
  type TemplatedMessage,
  type MessageTemplate,
  type SendOptions,
  type MailTransport,
  type DeliverableMessage,
  type MailThreading,
  outgoingMessageId,
} from './notifications/notification.service.js';
export { NotificationRecord, type NotificationStatus } from './notifications/notification.entity.js';
export { CORE_PERMISSIONS, collectPermissions, seedRoles, type PermissionEntry } from './identity/permissions.js';
export { RATE_LIMITS, RateLimits, type RateLimitedAction } from './identity/rate-limits.js';
export { createAdmin, ensureDevelopmentAdmin } from './identity/admin.js';
export { REQUEST_LIMITS } from './http/http-server.js';
export { COST_RULES, ListSize, operationCost } from './graphql/query-cost.js';
export {
  ApiKey,
  AuditEvent,
  AuthSession,
  Customer,
  CustomerLoginCode,
  KnownPermission,
  PasswordResetToken,
  Role,
  Setting,
  StaffUser,
} from './entities/index.js';
export type { PluginContext, Database, Registries, EventHandler, JobHandler } from './plugin/context.js';
export {
  defineEvent,
  isEventTypeName,
  type DefineEventOptions,
  type EventTrigger,
  type EventTriggerField,
  type EventType,
  type EventPayload,
} from './events/define-event.js';
export {
  EventBus,
  type Events,
  type DeliveredEvent,
  type EventHandlerContext,
  type EventSubscription,
  type EventTypeDeclaration,
  type PublishOptions,
} from './events/event-bus.js';
export { EventOutbox } from './events/event-outbox.entity.js';
export { EventDelivery, type EventDeliveryStatus } from './events/event-delivery.entity.js';
export { WebhookSubscription } from './webhooks/webhook-subscription.entity.js';
export { WebhookDelivery } from './webhooks/webhook-delivery.entity.js';
export { WebhookService, type WebhookSubscriptionInput, type WebhookSubscriptionUpdate } from './webhooks/webhook.service.js';
export { verifyWebhookSignature, webhookSignature, webhookSignatureHeader } from './webhooks/signature.js';
export { JobQueue, type Jobs, type JobInfo, type JobSendOptions, type JobDefinitionOptions } from './jobs/job-queue.js';
export { Registry } from './plugin/registry.js';
export { ResolverContainer } from './plugin/resolver-container.js';
export { resolvePlugins } from './plugin/resolve-plugins.js';
export type { SettingsAccess, SettingsUpdateOptions, VersionedSettings } from './settings/settings.service.js';
export type { GraphQLContext } from './graphql/context.js';
export { PageArgs, PageOf, MAX_TAKE, type Page } from './graphql/pagination.js';
export { findPage, queryPage, clampWindow, type ListQuery, type PageWindow } from './graphql/list-query.js';
export { likeEscape } from './domain/like.js';
export { SlaService, policyMatches, toCalendar, type SlaAttributes, type SlaSubject, type SlaClockView } from './sla/sla.service.js';
export { SlaClockType, SlaTargetType, BusinessCalendarType, SlaPolicyType } from './sla/sla.types.js';
export { BusinessCalendarRecord } from './entities/business-calendar.entity.js';
export { SlaPolicyRecord, type SlaPolicyConditions } from './entities/sla-policy.entity.js';
export { SlaClockRecord } from './entities/sla-clock.entity.js';
export { PlatformInfo, PluginInfo } from './graphql/platform.resolver.js';
export * from './sla/index.js';
export { createLogger } from './logger.js';
export { buildPlatformSchema, type SchemaSource } from './graphql/build-schema.js';
export { INPUT_LIMITS, argumentProblems, isCurrencyCode, textProblem } from './graphql/input-guard.js';
export { type EditableSettings, staffReadable } from './settings/settings.service.js';
export { PluginSettingsType } from './settings/settings.resolver.js';
export { DueSlaClockType, OpenSlaRequestsType } from './sla/sla.types.js';
export { currentRequest, type RequestContext } from './request-context.js';
export { SnakeNamingStrategy } from './db/naming-strategy.js';
export { createDataSource } from './db/data-source.js';
export { startEmbeddedPostgres, freePort, type EmbeddedDatabase } from './db/embedded-postgres.js';
export { runMigrations, migrationStatus, type MigrationContext, type MigrationSet, type MigrationStatus } from './db/migrations.js';
export { SecretBox, SecretKeyError, loadSecretBox, parseSecretKey, secretKeyId, GENERATED_SECRET_KEY_FILE } from './crypto/secret-box.js';
export {
  startAftercare,
  stopOnSignals,
  loadPlugins,
  pluginSpecifier,
  migrationSets,
  openDatabase,
  core,
  type AftercareApp,
  type StartOptions,
  type PluginImporter,
  type OpenDatabase,
} from './app.js';
export { timeBucketSql, MAX_METRIC_BUCKETS } from './metrics/metrics.service.js';
export { slaWarning, slaBreached, type SlaAlertPayload } from './sla/sla.events.js';
export type {
  TimelineEntry,
  TimelineSource,
  SlaSubjectInfo,
  SlaSubjectSource,
  MetricDefinition,
  MetricPoint,
  MetricUnit,
  MetricInterval,
  PrivacyContributor,
  DemoContribution,
  DemoSeedArgs,
  DemoRandom,
  DemoCustomer,
  DemoPurchase,
} from './plugin/contributions.js';
export { validId } from './graphql/ids.js';
export { defineEnum } from './graphql/enums.js';
export { slaClockOf } from './sla/sla-read.js';
export { RequestLoaders, defineLoader, defineServiceLoader, byKey, groupByKey } from './graphql/loaders.js';
export { CustomerAddress, CustomerPhone, CustomerConsentEvent, Product, ProductModel, Purchase } from './entities/index.js';
export { CONSENT_KINDS, type ConsentKind } from './entities/customer-consent-event.entity.js';
export { PURCHASE_CHANNELS } from './entities/purchase.entity.js';
export {
  customerCreated,
  purchaseCreated,
  customerAnonymized,
  CORE_EVENTS,
  type CustomerCreatedPayload,
  type PurchaseCreatedPayload,
} from './domain/customer.events.js';
export { CustomerService, auditCustomerReads, type CustomerFields, type CustomerSearch } from './domain/customer.service.js';
export { CatalogService } from './domain/catalog.service.js';
export { PurchaseService, type PurchaseFields, type PurchaseFilter } from './domain/purchase.service.js';
export { TimelineService, type TimelinePage } from './domain/timeline.service.js';
export { PrivacyService, ANONYMIZED_NAME } from './domain/privacy.service.js';
export type { DomainServices } from './domain/domain.js';
export {
  ImportService,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  MAX_IMPORT_CSV_BYTES,
  type ImportKind,
  type ImportReport,
  type RejectedRow,
  type ImportColumn,
} from './domain/import.service.js';
export { seedDemoData, type DemoOptions, type DemoResult } from './domain/demo.service.js';
export { contentTypeProblem } from './files/content-type.js';
export { idempotent, type IdempotentCall } from './idempotency/idempotency.js';
export { IdempotencyRecord } from './idempotency/idempotency-record.entity.js';
export { classifyMail, failedRecipients, headerLines, type HeaderLines, type MailClass, type MailClassification } from './mail/classify.js';
export {
  MailIntake,
  type ImapAccount,
  type InboundMailbox,
  type IntakeOutcome,
  type MailHandler,
  type MailIntakeLimits,
  type ReceivedAttachment,
  type ReceivedMail,
} from './mail/mail-intake.service.js';
export { fetchUnseen } from './mail/imap-poller.js';
export { startSmtpListener, type SmtpListener } from './mail/smtp-listener.js';
export { MailMessageRecord, type MailMessageStatus } from './mail/mail-message.entity.js';
export { MailQuarantineRecord } from './mail/mail-quarantine.entity.js';
export { MailBounceRecord } from './mail/mail-bounce.entity.js';
export {
  StaffNotificationService,
  type StaffNotificationInput,
  type StaffNotificationKind,
  type StaffNotifier,
} from './staff-notifications/staff-notification.service.js';
export { StaffNotificationRecord, StaffNotificationPreferenceRecord } from './staff-notifications/staff-notification.entity.js';
export { CURRENCY_CODE_MESSAGE } from './graphql/input-guard.js';
