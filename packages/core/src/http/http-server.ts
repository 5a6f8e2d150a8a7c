import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, type ValidationContext } from 'graphql';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { GraphQLContext } from '../graphql/context.js';
import { createErrorFormatter } from '../graphql/format-error.js';
import { COST_RULES, operationCost } from '../graphql/query-cost.js';
import { AftercareError, ErrorCode } from '../errors.js';
import { currentRequest, requestContext } from '../request-context.js';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  logger: Logger;
  development: boolean;
  /** Builds the per-request part of the GraphQL context. */
  context: (base: Pick<GraphQLContext, 'requestId' | 'ip' | 'request' | 'reply'>) => Promise<GraphQLContext>;
  /** Send `x-sql-count` (SQL statements the request issued) on every response: for tests and benchmarks. */
  exposeSqlCount?: boolean;
  /** Folder of a built single-page app to serve at `/` (the admin console), with index.html as fallback. */
  staticDir?: string;
  /**
   * Behind a TLS-terminating proxy: take the client address from X-Forwarded-For and the scheme
   * from X-Forwarded-Proto (so `request.protocol` is https and session cookies are Secure).
   */
  trustProxy?: boolean;
  /** Mark every cookie Secure (production): browsers then send it only over HTTPS. */
  secureCookies?: boolean;
  /** The built customer portal and the path it is served at (`/portal/`). */
  portal?: { dir: string; path: string };
  /**
   * Origins allowed to call the API from another domain with credentials (a portal hosted
   * elsewhere). Empty: no CORS headers, so browsers refuse cross-origin calls.
   */
  corsOrigins?: readonly string[];
  /** Whether the server can serve traffic (database reachable, migrations done). */
  ready: () => Promise<{ ok: boolean; detail?: string }>;
}

/**
 * Limits on every GraphQL request. A request over a limit is refused before it runs with
 * `extensions.code` VALIDATION_FAILED and `extensions.limit` naming the limit. Field suggestions
 * ("Did you mean …") are removed outside development, so the schema cannot be guessed from errors
 * (see the error formatter).
 *
 * Cost: the token limit is graphql-js's own parser option (`maxTokens`), the others are validation
 * rules (GraphQL Armor). Apollo parses and validates a document once and keeps the validated
 * document in its document store (keyed by the query's hash), so none of them runs again for a
 * document it has seen: a request pays for them per document, not per request.
 */
export const REQUEST_LIMITS = {
  maxDepth: 10,
  /** See {@link COST_RULES}: list sizes and nesting multiply. */
  maxCost: COST_RULES.maxCost,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
} as const;

/** GraphQL Armor's validation rules for the limits above (its Apollo plugins are not used: see REQUEST_LIMITS). */
function limitRules() {
  // Armor would report a bare BAD_USER_INPUT; report our own error naming the limit instead.
  const reject = (limit: string) => ({
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, err: GraphQLError) => {
        const error = new GraphQLError(err.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'VALIDATION_FAILED', limit } });
        if (ctx) ctx.reportError(error);
        else throw error;
      },
    ],
  });
  return new ApolloArmor({
    maxDepth: { n: REQUEST_LIMITS.maxDepth, ...reject('maxDepth') },
    // Cost is counted by our own rule (operationCost), which multiplies by list sizes.
    costLimit: { enabled: false },
    maxAliases: { n: REQUEST_LIMITS.maxAliases, ...reject('maxAliases') },
    maxDirectives: { n: REQUEST_LIMITS.maxDirectives, ...reject('maxDirectives') },
    // Done by the parser (parseOptions) and the error formatter instead of per-request plugins.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/** An error about the request document itself (syntax, validation, a limit), not about running it. */
const requestLevelError = (e: GraphQLFormattedError) =>
  e.extensions?.limit !== undefined || e.extensions?.code === 'GRAPHQL_PARSE_FAILED' || e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED';

/**
 * Refuse an operation that costs more than REQUEST_LIMITS.maxCost (see COST_RULES) before it runs,
 * and answer every request refused by a limit, and every unparsable one, with HTTP 400.
 */
function requestLimitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  // The cost depends on the document and, through `take` variables, on the variables: a request
  // without variables reuses the cost of its (cached, hence identical) document.
  const costOfDocument = new WeakMap<DocumentNode, Map<string | null | undefined, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request }) {
          const variables = request.variables ?? {};
          const cacheable = Object.keys(variables).length === 0;
          let byOperation = cacheable ? costOfDocument.get(document) : undefined;
          let cost = byOperation?.get(operationName);
          if (cost === undefined) {
            cost = operationCost(schema, document, operationName, variables);
            if (cacheable) {
              if (!byOperation) costOfDocument.set(document, (byOperation = new Map()));
              byOperation.set(operationName, cost);
            }
          }
          if (cost > REQUEST_LIMITS.maxCost) {
            throw new AftercareError(
              ErrorCode.VALIDATION_FAILED,
              `Query cost ${cost} exceeds the limit of ${REQUEST_LIMITS.maxCost}: ask for fewer items (take), fewer nested lists or fewer aliases.`,
              { limit: 'maxCost', cost, maxCost: REQUEST_LIMITS.maxCost },
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data || !errors?.length) return;
          if (errors.every(requestLevelError)) response.http.status = 400;
        },
      };
    },
  };
}

/** Fastify + Apollo Server 5: `/graphql`, `/healthz`, `/readyz`. Call `listen` on the result. */
export async function createHttpServer(
  options: HttpServerOptions,
): Promise<{ app: FastifyInstance; apollo: ApolloServer<GraphQLContext> }> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    logController: new LogController({ disableRequestLogging: !options.logger.isLevelEnabled('debug') }),
    // Bodies above this are refused before parsing; GraphQL documents are small.
    bodyLimit: 1024 * 1024,
    forceCloseConnections: 'idle',
    trustProxy: options.trustProxy ?? false,
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    validationRules: limitRules(),
    parseOptions: { maxTokens: REQUEST_LIMITS.maxTokens },
    formatError: createErrorFormatter(options.logger, options.development),
    includeStacktraceInErrorResponses: options.development,
    introspection: options.development,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Every plugin with request hooks costs every request; Apollo installs some by default. Cache
    // control would wrap every field resolver (a hook call per field); the platform sets no cache
    // hints, so it is off, as are the reporting plugins (no Apollo Studio) and inline traces.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      fastifyApolloDrainPlugin(app),
      requestLimitsPlugin(options.schema),
      options.development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.addHook(
    'onSend',
    options.exposeSqlCount
      ? (request, reply, payload, done) => {
          reply.header('x-request-id', request.id);
          const count = currentRequest()?.queryCount;
          if (count !== undefined) reply.header('x-sql-count', String(count));
          done(null, payload);
        }
      : (request, reply, payload, done) => {
          reply.header('x-request-id', request.id);
          done(null, payload);
        },
  );

  // Every request runs inside its own context so that the SQL logger and error formatter see its id.
  // preHandler (not onRequest): body parsing runs in the socket's async context and would lose it.
  app.addHook('preHandler', (request, _reply, done) => {
    requestContext.run({ requestId: request.id, queryCount: 0 }, done);
  });

  await app.register(fastifyCookie);
  // After the cookie plugin's own onSend, which writes the Set-Cookie headers.
  app.addHook('onSend', async (request, reply, payload) => {
    // A document refused while parsing (syntax, token limit) can surface as a 500 from a parser hook: it is the client's error.
    if (reply.statusCode >= 500 && typeof payload === 'string' && payload.startsWith('{')) {
      try {
        const body = JSON.parse(payload) as { data?: unknown; errors?: GraphQLFormattedError[] };
        if (!body.data && body.errors?.length && body.errors.every(requestLevelError)) reply.code(400);
      } catch {
        // Not JSON: leave it.
      }
    }
    if (options.secureCookies || request.protocol === 'https') {
      const cookies = reply.getHeader('set-cookie');
      if (cookies !== undefined) {
        const list = (Array.isArray(cookies) ? cookies : [String(cookies)]).map((c) => (/;\s*secure\b/i.test(c) ? c : `${c}; Secure`));
        reply.header('set-cookie', list);
      }
    }
  });
  if (options.corsOrigins?.length) {
    await app.register(fastifyCors, {
      origin: [...options.corsOrigins],
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight'],
      maxAge: 600,
    });
  }
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request, reply) => options.context({ requestId: request.id, ip: request.ip, request, reply }),
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const state = await options.ready().catch((err: Error) => ({ ok: false, detail: err.message }));
    reply.code(state.ok ? 200 : 503);
    return { status: state.ok ? 'ready' : 'not ready', ...(state.detail ? { detail: state.detail } : {}) };
  });

  if (options.staticDir || options.portal) await serveSinglePageApps(app, options.staticDir, options.portal);

  return { app, apollo };
}

const API_PATHS = /^\/(graphql|healthz|readyz)(\/|\?|$)/;

/**
 * Serve built SPAs: the admin console at `/` and the portal at its path. Hashed assets are cached
 * for a year, index.html never, and index.html answers any unknown GET a browser navigates to
 * (client-side routes) — the portal's under its path. API paths are never shadowed, and a missing
 * asset (a path with a file extension) stays a 404.
 */
async function serveSinglePageApps(app: FastifyInstance, adminRoot: string | undefined, portal: { dir: string; path: string } | undefined) {
  const setHeaders = (res: import('fastify').FastifyReply, filePath: string) => {
    res.header('cache-control', /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  // preCompressed: the builds carry .br and .gz copies of their assets; the smallest accepted one is sent.
  if (adminRoot)
    await app.register(fastifyStatic, { root: adminRoot, prefix: '/', index: false, wildcard: true, preCompressed: true, setHeaders });
  if (portal) {
    await app.register(fastifyStatic, {
      root: portal.dir,
      prefix: portal.path,
      index: false,
      wildcard: true,
      decorateReply: !adminRoot,
      preCompressed: true,
      setHeaders,
    });
  }
  const sendIndex = (reply: import('fastify').FastifyReply, root: string) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  if (adminRoot) app.get('/', (_req, reply) => sendIndex(reply, adminRoot));
  if (portal) {
    app.get(portal.path, (_req, reply) => sendIndex(reply, portal.dir));
    app.get(portal.path.replace(/\/$/, ''), (_req, reply) => reply.redirect(portal.path));
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const navigation = request.method === 'GET' && !API_PATHS.test(path) && !/\.[a-z0-9]+$/i.test(path);
    if (navigation && portal && path.startsWith(portal.path)) return sendIndex(reply, portal.dir);
    if (navigation && adminRoot) return sendIndex(reply, adminRoot);
    return reply.code(404).send({ error: 'Not Found', message: `${request.method} ${path} does not exist.` });
  });
}
