import 'reflect-metadata';
import { type GraphQLResolveInfo, type GraphQLSchema, graphql, isObjectType } from 'graphql';
import { Authorized, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root, getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS, Public, buildPlatformSchema, core } from '../src/index.js';

@ObjectType()
class Gadget {
  @Field(() => ID)
  id!: string;

  @Field({ name: 'label' })
  title!: string;

  @Authorized('gadget.secret.read')
  @Field(() => String, { nullable: true })
  secret!: string | null;

  @Authorized('gadget.secret.read')
  @Field(() => String)
  mandatorySecret!: string;

  @Field(() => String)
  shouted!: string;
}

@Resolver(() => Gadget)
class GadgetResolver {
  @Public()
  @Query(() => [Gadget])
  gadgets(): Gadget[] {
    return [1, 2, 3].map((n) =>
      Object.assign(new Gadget(), { id: `g${n}`, title: `Gadget ${n}`, secret: `s${n}`, mandatorySecret: `m${n}`, shouted: 'no' }),
    );
  }

  @FieldResolver(() => String)
  shouted(@Root() g: Gadget): string {
    return g.title.toUpperCase();
  }
}

const staff = (permissions: string[]): Actor => ({
  kind: 'staff',
  userId: 'u',
  email: 'u@example.com',
  sessionId: 's',
  permissions: new Set(permissions),
});

describe('plain property fields', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildPlatformSchema({ owner: 'core', resolvers: [...core.resolvers, GadgetResolver] }, []);
  });
  const run = (source: string, actor: Actor) => graphql({ schema, source, contextValue: { actor } });

  it('read the property (under its own name when the field is renamed) and keep field resolvers', async () => {
    const res = await run('{ gadgets { id label shouted } }', ANONYMOUS);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ gadgets: [1, 2, 3].map((n) => ({ id: `g${n}`, label: `Gadget ${n}`, shouted: `GADGET ${n}` })) });
  });

  it('a field with @Authorized admits who holds the permission, on every object', async () => {
    const res = await run('{ gadgets { secret mandatorySecret } }', staff(['gadget.secret.read']));
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ gadgets: [1, 2, 3].map((n) => ({ secret: `s${n}`, mandatorySecret: `m${n}` })) });
  });

  it('a field with @Authorized refuses everybody else with the same codes as root fields', async () => {
    const forbidden = await run('{ gadgets { id secret } }', staff([]));
    expect(forbidden.data).toEqual({ gadgets: [1, 2, 3].map((n) => ({ id: `g${n}`, secret: null })) });
    expect(forbidden.errors!.map((e) => [e.extensions.code, e.path!.join('.')])).toEqual([
      ['FORBIDDEN', 'gadgets.0.secret'],
      ['FORBIDDEN', 'gadgets.1.secret'],
      ['FORBIDDEN', 'gadgets.2.secret'],
    ]);
    const anonymous = await run('{ gadgets { id mandatorySecret } }', ANONYMOUS);
    // A refused non-null field nulls its parents up to the non-null list's root, as before.
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors!.map((e) => e.extensions.code)).toContain('UNAUTHENTICATED');
  });

  it('every object type field that declares roles refuses an anonymous caller, whoever resolves it', async () => {
    // A walk over the composed schema: plain reads and type-graphql's resolvers alike.
    const storage = getMetadataStorage();
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || [schema.getQueryType(), schema.getMutationType()].includes(type)) continue;
      const meta = storage.objectTypes.find((o) => o.name === type.name);
      for (const [name, field] of Object.entries(type.getFields())) {
        const roles = meta?.fields?.find((f) => f.schemaName === name)?.roles;
        if (!roles) continue;
        const call = async () => field.resolve!({}, {}, { actor: ANONYMOUS }, {} as GraphQLResolveInfo);
        await expect(call(), `${type.name}.${name}`).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
