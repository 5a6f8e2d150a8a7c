import { type GraphQLContext, ValidationError } from '@aftercare/core';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { P } from '../permissions.js';
import { type ParetoRow, rootCausePareto } from '../services/metrics.service.js';
import { RootCauseShareType } from './types.js';

/** Analysis views beyond the core metrics registry. */
@Resolver()
export class MetricsResolver {
  @Authorized(P.metricsRead)
  @Query(() => [RootCauseShareType], {
    description: 'Root causes of cases resolved in [from, to), biggest first, with cumulative shares (Pareto).',
  })
  serviceDeskRootCauses(@Arg('from') from: Date, @Arg('to') to: Date, @Ctx() ctx: GraphQLContext): Promise<ParetoRow[]> {
    if (!(from < to)) throw new ValidationError([{ field: 'to', message: 'must be after from' }]);
    return rootCausePareto(ctx.db.manager, from, to);
  }
}
