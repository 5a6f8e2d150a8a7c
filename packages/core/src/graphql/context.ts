import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../plugin/context.js';
import type { PlatformInfo } from './platform.resolver.js';

/** The context every resolver receives (`@Ctx() ctx: GraphQLContext`). */
export interface GraphQLContext {
  requestId: string;
  ip: string;
  logger: Logger;
  db: Database;
  platform: PlatformInfo;
  request: FastifyRequest;
  reply: FastifyReply;
}
