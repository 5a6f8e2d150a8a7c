import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { GraphQLError, type GraphQLSchema, type ValidationContext } from 'graphql';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { GraphQLContext } from '../graphql/context.js';
import { createErrorFormatter } from '../graphql/format-error.js';
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
 * Limits on every GraphQL request (GraphQL Armor). A request over a limit is refused before it runs
 * with `extensions.code` VALIDATION_FAILED and `extensions.limit` naming the limit. Field suggestions
 * ("Did you mean …") are removed outside development, so the schema cannot be guessed from errors.
 */
export const REQUEST_LIMITS = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
} as const;

function createArmor(development: boolean) {
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
    costLimit: { maxCost: REQUEST_LIMITS.maxCost, ...reject('maxCost') },
    maxAliases: { n: REQUEST_LIMITS.maxAliases, ...reject('maxAliases') },
    maxTokens: { n: REQUEST_LIMITS.maxTokens, ...reject('maxTokens') },
    maxDirectives: { n: REQUEST_LIMITS.maxDirectives, ...reject('maxDirectives') },
    blockFieldSuggestion: { enabled: !development },
  }).protect();
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
  });

  const armor = createArmor(options.development);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    validationRules: armor.validationRules,
    formatError: createErrorFormatter(options.logger, options.development),
    includeStacktraceInErrorResponses: options.development,
    introspection: options.development,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      // Armor's typings point at Apollo's CommonJS declarations; the objects are the same.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      fastifyApolloDrainPlugin(app),
      options.development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (options.exposeSqlCount) {
      const count = currentRequest()?.queryCount;
      if (count !== undefined) reply.header('x-sql-count', String(count));
    }
  });

  // Every request runs inside its own context so that the SQL logger and error formatter see its id.
  // preHandler (not onRequest): body parsing runs in the socket's async context and would lose it.
  app.addHook('preHandler', (request, _reply, done) => {
    requestContext.run({ requestId: request.id, queryCount: 0 }, done);
  });

  await app.register(fastifyCookie);
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
  if (adminRoot) await app.register(fastifyStatic, { root: adminRoot, prefix: '/', index: false, wildcard: true, setHeaders });
  if (portal) {
    await app.register(fastifyStatic, {
      root: portal.dir,
      prefix: portal.path,
      index: false,
      wildcard: true,
      decorateReply: !adminRoot,
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
