import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { NotFoundError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';

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
