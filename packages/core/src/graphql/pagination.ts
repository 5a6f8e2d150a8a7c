import { Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';

/** Largest page a list query returns; asking for more is a validation error, not a silent cut. */
export const MAX_TAKE = 100;

/** `skip`/`take` arguments of every list query (`take` capped at {@link MAX_TAKE}). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 0 })
  @Min(0, { message: 'must be 0 or more' })
  skip: number;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_TAKE, { message: `must be at most ${MAX_TAKE}` })
  take: number;
}

/** A page of a list: `{ items, totalCount }`. */
export interface Page<T> {
  items: T[];
  totalCount: number;
}

const pageTypes = new Map<Function, ClassType<Page<unknown>>>();

/**
 * The GraphQL type of a page of `item`, named `<Item>Page`. Made once per item type so several
 * resolvers can return the same page type.
 */
export function PageOf<T extends object>(item: ClassType<T>, name?: string): ClassType<Page<T>> {
  const existing = pageTypes.get(item);
  if (existing) return existing as ClassType<Page<T>>;
  @ObjectType(name ?? `${item.name.replace(/Record$/, '')}Page`)
  class PageType {
    @Field(() => [item])
    items: T[];

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount: number;
  }
  pageTypes.set(item, PageType as ClassType<Page<unknown>>);
  return PageType;
}
