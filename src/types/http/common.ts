/*
 * Shapes shared by the admin API's answers. Plain types only: the routes (server) and the admin
 * dashboard (browser) both import them, so nothing here may pull in runtime code.
 */

/** A list answer: the rows under their resource's key, with Medusa's pagination fields. */
export type PaginatedResponse<TKey extends string, TItem> = { [key in TKey]: TItem[] } & {
  count: number
  /** `exact` up to 10,000 matches; above that, `count` is the database planner's estimate. */
  count_type: "exact" | "estimate"
  offset: number
  limit: number
}

/**
 * A list of a table that grows with traffic (clicks, conversions, request log, deliveries): also
 * the cursor of the next page, to pass as `after` (null on the last page, or in another order).
 */
export type CursorPaginatedResponse<TKey extends string, TItem> = PaginatedResponse<TKey, TItem> & {
  next_cursor: string | null
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

/** A list of a table that grows with traffic also takes the previous page's `next_cursor`. */
export type CursorFindParams = FindParams & {
  /** The `next_cursor` of the page before (default order only); `offset` is at most 10,000 on these lists. */
  after?: string
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
