import { MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ListPage, ListTable } from "../types"
import { LIVE_CLICK } from "./live-click"

/*
 * The filters and cursors of the lists and exports of the tables that grow with traffic
 * (ReportingRepository): both walk an index on (filter, created_at), newest first.
 */

/** Up to this many matches the count is exact; above it, the planner's estimate. */
export const EXACT_COUNT_LIMIT = 10_000

/** The columns each list may filter on (the routes' validators decide what reaches here). */
const FILTERABLE: Record<ListTable, readonly string[]> = {
  affiliate_click: ["id", "campaign_id", "affiliate_id", "click_token", "device_type", "created_at"],
  affiliate_conversion: ["id", "campaign_id", "affiliate_id", "click_id", "status", "source", "is_test", "order_id", "created_at", "flagged"],
  affiliate_request_log: ["campaign_id", "outcome", "source", "order_id", "request_id", "click_token", "is_test", "created_at"],
  affiliate_outbound_delivery: ["campaign_id", "conversion_id", "webhook_id", "status", "is_test", "created_at"],
}

const OPERATORS: Record<string, string> = { $eq: "=", $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" }

// Microseconds, as Postgres stores them: a millisecond cursor would skip rows of the same millisecond.
export const CREATED_AT_TEXT = `to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** How many rows match: exact up to EXACT_COUNT_LIMIT, the planner's estimate above it (never a count of millions). */
export async function countMatches(knex: Knex, filtered: Knex.QueryBuilder): Promise<Pick<ListPage, "count" | "count_type">> {
  const capped = filtered.clone().select(knex.raw("1")).limit(EXACT_COUNT_LIMIT + 1)
  const [{ n }] = (await knex.count({ n: "*" }).from(capped.as("matches"))) as { n: string }[]
  if (Number(n) <= EXACT_COUNT_LIMIT) return { count: Number(n), count_type: "exact" }
  const { rows } = await knex.raw(`explain (format json) ${filtered.clone().select(knex.raw("1")).toString()}`)
  const estimate = Math.round(rows[0]["QUERY PLAN"][0].Plan["Plan Rows"])
  return { count: Math.max(estimate, EXACT_COUNT_LIMIT + 1), count_type: "estimate" }
}

/** The list's filters on `query`: the same checks and operators for a page and for an export. */
export function where(query: Knex.QueryBuilder, table: ListTable, filters: Record<string, unknown>) {
  query.whereNull("deleted_at")
  // The outbox holds webhook deliveries too: the outbound S2S list shows them only when asked by webhook.
  if (table === "affiliate_outbound_delivery" && filters.webhook_id === undefined) query.whereNull("webhook_id")
  // A token is forgotten with its click's details (the unique index leaves those clicks out).
  if (table === "affiliate_click" && filters.click_token !== undefined) query.whereRaw(LIVE_CLICK(table))
  for (const [column, value] of Object.entries(filters)) {
    if (value === undefined) continue
    if (table === "affiliate_conversion" && column === "flagged") {
      // The review queue (README, "Trust"): flagged and still pending, on its own partial index; false is everything else.
      if (value === true) query.where("flagged", true).andWhere("status", "pending")
      else query.whereNot((q) => q.where("flagged", true).andWhere("status", "pending"))
      continue
    }
    if (!FILTERABLE[table].includes(column)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${table} cannot be filtered by ${column}`)
    }
    if (value === null) query.whereNull(column)
    else if (Array.isArray(value)) query.whereIn(column, value)
    else if (typeof value === "object" && !(value instanceof Date)) {
      for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
        if (!OPERATORS[op]) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${column} does not take ${op}`)
        query.where(column, OPERATORS[op], operand as Knex.Value)
      }
    } else query.where(column, value as Knex.Value)
  }
  return query
}

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`, "utf8").toString("base64url")
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([A-Za-z0-9_]{1,100})$/

/** A cursor this list gave, or a 400: never a value that reaches SQL unchecked. */
export function decodeCursor(cursor: string): [string, string] {
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8"))
  if (!match) throw new MedusaError(MedusaError.Types.INVALID_DATA, "after must be a next_cursor that this list answered")
  return [match[1], match[2]]
}
