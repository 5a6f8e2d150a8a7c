import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { GraphQLSchema } from 'graphql';
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
  /** Whether the server can serve traffic (database reachable, migrations done). */
  ready: () => Promise<{ ok: boolean; detail?: string }>;
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

  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.logger, options.development),
    includeStacktraceInErrorResponses: options.development,
    introspection: options.development,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
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

  return { app, apollo };
}
