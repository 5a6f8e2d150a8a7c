import { Args, ArgsType, Authorized, Ctx, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { hasPermission } from '../access/actor.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { MetricInterval } from '../plugin/contributions.js';
import { computeMetrics, validateMetricsQuery } from './metrics.service.js';

enum MetricIntervalEnum {
  day = 'day',
  week = 'week',
  month = 'month',
}
registerEnumType(MetricIntervalEnum, { name: 'MetricInterval', description: 'Bucket size of a metric series.' });

@ObjectType('MetricDefinition', { description: 'A named measure with its definition (docs/domain.md).' })
class MetricDefinitionType {
  @Field({ description: '`<owner>.<metric>`, e.g. `core.sla_compliance`.' })
  name: string;
  @Field()
  label: string;
  @Field()
  description: string;
  @Field({ description: 'count, percent, minutes, score, ratio or money.' })
  unit: string;
  @Field(() => [String], { description: 'Dimensions `groupBy` may name.' })
  groupBy: string[];
}

@ObjectType('MetricPoint')
class MetricPointType {
  @Field({ description: 'Start of the bucket.' })
  bucket: Date;
  @Field(() => String, { nullable: true, description: 'The group, when grouped.' })
  group: string | null;
  @Field(() => Float, { nullable: true, description: 'Null when the bucket has no data.' })
  value: number | null;
  @Field(() => Int, { nullable: true, description: 'Observations the value is computed from.' })
  sampleSize: number | null;
}

@ObjectType('MetricSeries')
class MetricSeriesType {
  @Field(() => MetricDefinitionType)
  metric: MetricDefinitionType;
  @Field(() => [MetricPointType], { description: 'Buckets with data, oldest first.' })
  points: MetricPointType[];
}

@ArgsType()
class MetricsArgs {
  @Field(() => [String], { description: 'Metric names from `metricDefinitions`.' })
  names: string[];
  @Field({ description: 'Start (inclusive).' })
  from: Date;
  @Field({ description: 'End (exclusive).' })
  to: Date;
  @Field(() => MetricIntervalEnum, { defaultValue: 'day' })
  interval: MetricInterval;
  @Field({ defaultValue: 'UTC', description: 'IANA time zone the buckets start in (midnight local time).' })
  timeZone: string;
  @Field(() => String, { nullable: true, description: 'A dimension every asked metric supports.' })
  groupBy?: string | null;
}

const toType = (d: { name: string; label: string; description: string; unit: string; groupBy?: string[] }): MetricDefinitionType => ({
  name: d.name,
  label: d.label,
  description: d.description,
  unit: d.unit,
  groupBy: d.groupBy ?? [],
});

@Resolver()
export class MetricsResolver {
  /** The metrics of core and the enabled plugins that the caller may read. */
  @Authorized()
  @Query(() => [MetricDefinitionType])
  metricDefinitions(@Ctx() ctx: GraphQLContext): MetricDefinitionType[] {
    return ctx.registries.metrics
      .values()
      .filter((d) => hasPermission(ctx, d.permission))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(toType);
  }

  /** Time series of metrics; each metric needs its own read permission (FORBIDDEN names the missing ones). */
  @Authorized()
  @Query(() => [MetricSeriesType])
  async metrics(@Args() args: MetricsArgs, @Ctx() ctx: GraphQLContext): Promise<MetricSeriesType[]> {
    const query = { ...args, names: [...new Set(args.names)] };
    const definitions = validateMetricsQuery(ctx.registries.metrics, query, ctx);
    const series = await computeMetrics(ctx.db.manager, definitions, query);
    return series.map((s) => ({
      metric: toType(s.definition),
      points: s.points.map((p) => ({ bucket: p.bucket, group: p.group, value: p.value, sampleSize: p.sampleSize ?? null })),
    }));
  }
}
