import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Public } from '../access/policy.js';
import type { GraphQLContext } from './context.js';

@ObjectType({ description: 'An enabled plugin.' })
export class PluginInfo {
  @Field({ description: 'kebab-case plugin name, e.g. "warranty".' })
  name: string;

  @Field()
  version: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType({ description: 'What this server runs: the core version and the enabled plugins, in boot order.' })
export class PlatformInfo {
  @Field({ description: 'Version of @aftercare/core.' })
  version: string;

  @Field(() => [PluginInfo])
  plugins: PluginInfo[];
}

@Resolver()
export class PlatformResolver {
  /** Public: clients (the admin console, integrators) learn what is enabled before signing in. */
  @Public()
  @Query(() => PlatformInfo, { description: 'The core version and enabled plugins. Public.' })
  platform(@Ctx() ctx: GraphQLContext): PlatformInfo {
    return ctx.platform;
  }
}
