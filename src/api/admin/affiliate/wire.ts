/**
 * Query's rows as the JSON the route sends: its entity types carry `Date`s (and the ORM's looser
 * nullability) where the answer, once serialised, carries the ISO strings `src/types/http`
 * describes. One named cast at the boundary instead of a field-by-field copy.
 */
export function asAnswer<T>(rows: unknown): T {
  return rows as T
}
