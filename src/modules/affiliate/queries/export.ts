import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExportBatch, ExportRequest } from "../types"
import { CREATED_AT_TEXT, decodeCursor, encodeCursor, where } from "./list-page"

/*
 * Exports read in batches by keyset, newest first like the lists: each batch walks the same index
 * as a list page and starts after the last row of the batch before, so a million rows cost the
 * same per batch as the first thousand and nothing is held beyond one batch.
 */

const CONVERSION_COLUMNS = [
  "c.id", "c.created_at", "c.occurred_at", "c.campaign_id", "cp.name AS campaign_name", "c.affiliate_id",
  "a.code AS affiliate_code", "a.name AS affiliate_name", "c.source", "c.promotion_code", "c.status", "c.status_reason",
  "c.order_id", "c.order_total::text AS order_total", "c.order_currency", "c.commission_amount::text AS commission_amount",
  "c.commission_currency", "c.is_test", "c.click_id",
]

const CLICK_COLUMNS = [
  "c.id", "c.created_at", "c.campaign_id", "c.affiliate_id", "a.code AS affiliate_code", "c.sub1", "c.sub2", "c.sub3",
  "c.sub4", "c.sub5", "c.device_type", "c.referrer", "c.landing_url", "c.expires_at",
]

export async function exportBatch(knex: Knex, request: ExportRequest): Promise<ExportBatch> {
  const table = request.kind === "conversions" ? "affiliate_conversion" : "affiliate_click"
  const page = where(knex(table), table, request.filters)
    .select("*", knex.raw(`${CREATED_AT_TEXT} AS created_at_text`))
    .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
    .limit(request.limit)
  if (request.after) {
    const [createdAt, id] = decodeCursor(request.after)
    page.where("created_at", "<=", createdAt).andWhere((q) => q.where("created_at", "<", createdAt).orWhere("id", "<", id))
  }
  const columns = request.kind === "conversions" ? CONVERSION_COLUMNS : CLICK_COLUMNS
  const query = knex
    .from(page.as("c"))
    .leftJoin("affiliate as a", "a.id", "c.affiliate_id")
    .select(columns.map((c) => knex.raw(c)))
    .select("c.created_at_text")
    .orderBy([{ column: "c.created_at", order: "desc" }, { column: "c.id", order: "desc" }])
  if (request.kind === "conversions") query.leftJoin("affiliate_campaign as cp", "cp.id", "c.campaign_id")
  const rows = (await query) as (Record<string, unknown> & { id: string; created_at_text: string })[]
  const last = rows[rows.length - 1]
  return {
    rows: rows.map(({ created_at_text: _, ...row }) => row),
    next: rows.length === request.limit && last ? encodeCursor(last.created_at_text, last.id) : null,
  }
}
