import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { entityId } from "../utils/entity-id"
import type { ChangeRecord } from "../utils/conversion-status"

/*
 * A conversion's history (contract, section 9): one row per change of its status or amounts, by
 * whatever path. Who made it is the actor: "s2s" (the shop, by API), "store" (a cancel or refund
 * on the Medusa store), "system" (the hold period) or "user:<id>" (an admin).
 */

/** A new history row's id, made by Postgres, for statements that change many conversions at once. */
export const CHANGE_ID_SQL = `'acchg_' || upper(replace(gen_random_uuid()::text, '-', ''))`

/** Writes a conversion's changes; answers the new rows' ids (a compensation deletes them). */
export async function insertChanges(knex: Knex, conversionId: string, actor: string, changes: ChangeRecord[]): Promise<string[]> {
  if (!changes.length) return []
  const rows = changes.map((c) => ({
    id: entityId("acchg"),
    conversion_id: conversionId,
    actor,
    field: c.field,
    from_value: c.from,
    to_value: c.to,
    reason: c.reason,
    // The clock, not the transaction's start (now()): changes made in one transaction keep their order.
    created_at: knex.raw("clock_timestamp()"),
  }))
  await knex("affiliate_conversion_change").insert(rows)
  return rows.map((r) => r.id)
}
