/*
 * Shapes shared by the admin API's answers. Plain types only: the routes (server) and the admin
 * dashboard (browser) both import them, so nothing here may pull in runtime code.
 */

/** A list answer: the rows under their resource's key, with Medusa's pagination fields. */
export type PaginatedResponse<TKey extends string, TItem> = { [key in TKey]: TItem[] } & {
  count: number
  offset: number
  limit: number
}

/** What a DELETE answers: the soft-deleted record's id and kind. */
export type DeleteResponse<TObject extends string> = {
  id: string
  object: TObject
  deleted: true
}

/** Query fields every list takes (Medusa's `createFindParams`). */
export type FindParams = {
  limit?: number
  offset?: number
  /** A field to sort on, `-` first for descending (`-created_at` is the default). */
  order?: string
  /** Fields to return instead of the defaults, comma-separated (`+field` adds one). */
  fields?: string
}

/** One value or several (`?status[]=a&status[]=b`). */
export type OneOrMany<T> = T | T[]

/** A `created_at` range: `created_at[gte]=…` (or `$gte`), ISO 8601 dates or date-times. */
export type DateRangeParams = {
  gte?: string
  gt?: string
  lte?: string
  lt?: string
  $gte?: string
  $gt?: string
  $lte?: string
  $lt?: string
}
