import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum over a list of lower-case values as stored in the database: each value is exposed
 * upper-case (`in_progress` → `IN_PROGRESS`) and maps back to the stored value. Returns the enum
 * object to pass to `@Field(() => TheEnum)`.
 *
 * @example
 * export const ITEM_STATUSES = ['open', 'in_progress', 'done'] as const;
 * export const ItemStatusEnum = defineEnum(ITEM_STATUSES, 'GiftWrapItemStatus', 'State of an item.');
 */
export function defineEnum<T extends readonly string[]>(
  values: T,
  name: string,
  description: string,
): { [K in T[number] as Uppercase<K>]: K } {
  const e = Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as { [K in T[number] as Uppercase<K>]: K };
  registerEnumType(e, { name, description });
  return e;
}
