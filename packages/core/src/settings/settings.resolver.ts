import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { NotFoundError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { STAFF } from '../access/policy.js';

@ObjectType('PluginSettings', {
  description: "One plugin's settings: the schema the console builds its form from, and the current values.",
})
export class PluginSettingsType {
  @Field({ description: 'The plugin name.' })
  owner: string;

  @Field(() => GraphQLJSONObject, {
    description: 'JSON Schema of the settings (types, defaults, bounds, allowed values, descriptions).',
  })
  schema: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: 'Current values, defaults filled in.' })
  values: Record<string, unknown>;
}

/** Reading and changing plugin settings from the console. */
@Resolver()
export class SettingsResolver {
  @Authorized('core.settings.manage')
  @Query(() => [PluginSettingsType], { description: 'Settings of every enabled plugin that declares a settings schema.' })
  async pluginSettings(@Ctx() ctx: GraphQLContext): Promise<PluginSettingsType[]> {
    const out: PluginSettingsType[] = [];
    for (const s of ctx.settings.values()) out.push({ owner: s.owner, schema: s.jsonSchema, values: await s.access.get() });
    return out;
  }

  @Authorized(STAFF, 'core.settings.manage')
  @Query(() => GraphQLJSONObject, {
    description:
      'The settings of a plugin that every staff user may read (those its schema marks staff-readable: reason lists, slot lengths, the currency…), defaults filled in. NOT_FOUND for a plugin without settings.',
  })
  async staffSettings(@Arg('owner') owner: string, @Ctx() ctx: GraphQLContext): Promise<Record<string, unknown>> {
    const s = ctx.settings.get(owner);
    if (!s) throw new NotFoundError('Plugin settings of', owner);
    const values = await s.access.get();
    return Object.fromEntries(s.staffReadableKeys.map((k) => [k, values[k]]));
  }

  @Authorized('core.settings.manage')
  @Mutation(() => PluginSettingsType, {
    description:
      'Change some settings of a plugin (merged over the current values). VALIDATION_FAILED names each bad field; nothing is stored then.',
  })
  async updatePluginSettings(
    @Arg('owner') owner: string,
    @Arg('values', () => GraphQLJSONObject) values: Record<string, unknown>,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PluginSettingsType> {
    const s = ctx.settings.get(owner);
    if (!s) throw new NotFoundError('Plugin settings of', owner);
    return { owner, schema: s.jsonSchema, values: await s.access.update(values) };
  }
}
