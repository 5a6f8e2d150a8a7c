import { NotFoundError } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id argument, checked once before it reaches a service or the database: ids are UUIDs, so
 * anything else names nothing and is NOT_FOUND (never a database error).
 *
 * @example
 * \@Query(() => Case) case(@Arg('id', () => ID) id: string) { return this.desk.cases.get(validId('Case', id)); }
 */
export function validId(entity: string, id: string): string {
  if (!UUID.test(id)) throw new NotFoundError(entity, id);
  return id;
}
