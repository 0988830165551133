import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { likeLiteral } from "../../../modules/affiliate/utils/like-pattern"

/*
 * Query pieces shared by the admin lists. Medusa's validator reports a custom issue by its
 * message alone, so every message here names its field.
 */

/** An id, or several (`?campaign_id=a,b` or `?campaign_id[]=a&campaign_id[]=b`). */
export const idFilter = (field: string) =>
  z.union([
    z.string().min(1, `${field} must not be empty`).max(100, `${field} is too long`),
    z.array(z.string().min(1).max(100)).max(100, `${field} takes at most 100 ids`),
  ])

/** One enum value or several. */
export const enumFilter = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.array(z.enum(values)).max(values.length * 2)])

/** `true` / `false` as query strings (or real booleans). */
export const booleanFilter = (field: string) =>
  z.preprocess(
    (v) => (v === "true" ? true : v === "false" ? false : v),
    z.boolean({ error: `${field} must be true or false` })
  )

const isoDate = (field: string) =>
  z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), {
      message: `${field} must be an ISO 8601 date or date-time`,
    })
    .transform((v) => new Date(v))

/**
 * `created_at[gte]=…&created_at[lte]=…` (Medusa's `$gte` spelling works as well), turned into the
 * operators the module filters take. Anything but a real date is a 400, never a database error.
 */
export const dateRangeFilter = (field: string) =>
  z
    .strictObject({
      gte: isoDate(`${field}[gte]`).optional(),
      gt: isoDate(`${field}[gt]`).optional(),
      lte: isoDate(`${field}[lte]`).optional(),
      lt: isoDate(`${field}[lt]`).optional(),
      $gte: isoDate(`${field}[gte]`).optional(),
      $gt: isoDate(`${field}[gt]`).optional(),
      $lte: isoDate(`${field}[lte]`).optional(),
      $lt: isoDate(`${field}[lt]`).optional(),
    })
    .transform((r) => {
      const range: Record<string, Date> = {}
      for (const op of ["gte", "gt", "lte", "lt"] as const) {
        const value = r[op] ?? r[`$${op}`]
        if (value) range[`$${op}`] = value
      }
      return range
    })

export const searchFilter = z.string().max(200, "q is too long")

/** A case-insensitive "contains" on any of `fields`, with LIKE's wildcards taken literally. */
export function searchAny(q: string | undefined, fields: string[]): Record<string, unknown> {
  const term = q?.trim()
  if (!term) return {}
  const pattern = `%${likeLiteral(term)}%`
  return { $or: fields.map((f) => ({ [f]: { $ilike: pattern } })) }
}

/** Beyond this, a list of a table that grows with traffic is paged with `after`, at the same cost at any depth. */
export const MAX_CURSOR_LIST_OFFSET = 10_000

/** `limit` and `offset` as Medusa's lists take them, refusing what the database would choke on. */
function checkPagination(maxOffset: number) {
  return (q: { limit?: number; offset?: number }, ctx: z.RefinementCtx) => {
    if (q.limit !== undefined && (!Number.isInteger(q.limit) || q.limit < 0 || q.limit > 1000)) {
      ctx.addIssue({ code: "custom", path: ["limit"], message: "limit must be an integer from 0 to 1000" })
    }
    if (q.offset !== undefined && (!Number.isInteger(q.offset) || q.offset < 0 || q.offset > maxOffset)) {
      const most = Number.isFinite(maxOffset) ? ` and at most ${maxOffset}: page further with after` : ""
      ctx.addIssue({ code: "custom", path: ["offset"], message: `offset must be an integer of at least 0${most}` })
    }
  }
}

const cursor = z
  .string()
  .max(300, "after must be a next_cursor that this list answered")
  .regex(/^[A-Za-z0-9_-]+$/, "after must be a next_cursor that this list answered")

/**
 * Every admin list's query: Medusa's `fields`, `limit`, `offset` and `order` (newest first by
 * default) with its filters, checked the same way everywhere. A list of a table that grows with
 * traffic also takes `after` (the `next_cursor` of the page before) and caps `offset`.
 */
export function listParams<T extends z.ZodRawShape>(filters: T, { limit, paged_by_cursor }: { limit: number; paged_by_cursor: boolean }) {
  const check = checkPagination(paged_by_cursor ? MAX_CURSOR_LIST_OFFSET : Infinity)
  return createFindParams({ limit, offset: 0, order: "-created_at" })
    .extend({ ...filters, after: cursor.optional() })
    .superRefine((q, ctx) => {
      check(q as { limit?: number; offset?: number }, ctx)
      if (!paged_by_cursor && (q as { after?: string }).after !== undefined) {
        ctx.addIssue({ code: "custom", path: ["after"], message: "after is not taken by this list: page it with offset" })
      }
    })
}
