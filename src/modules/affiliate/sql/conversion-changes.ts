import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { entityId } from "../utils/entity-id"
import type { ChangeRecord } from "../utils/conversion-status"
import { arrayParam } from "./sql-repository"

/*
 * A conversion's history (contract, section 9): one row per change of its status or amounts, by
 * whatever path. Who made it is the actor: "s2s" (the shop, by API), "store" (a cancel or refund
 * on the Medusa store), "system" (the hold period) or "user:<id>" (an admin).
 */

/** A new history row's id, made by Postgres, for statements that change many conversions at once. */
export const CHANGE_ID_SQL = `'acchg_' || upper(replace(gen_random_uuid()::text, '-', ''))`

/** One history row to write: a change of one conversion. */
export type ConversionChange = ChangeRecord & { conversion_id: string }

/** Writes a conversion's changes; answers the new rows' ids (a compensation deletes them). */
export async function insertChanges(knex: Knex, conversionId: string, actor: string, changes: ChangeRecord[]): Promise<string[]> {
  return insertChangeRows(knex, actor, changes.map((c) => ({ ...c, conversion_id: conversionId })))
}

/**
 * Writes changes of any number of conversions in one statement, in the order given; answers the
 * new rows' ids. Bound as one array per column, so a chunk of validated baskets (thousands of
 * rows) stays far below Postgres's limit of 65,535 parameters.
 */
export async function insertChangeRows(knex: Knex, actor: string, changes: ConversionChange[]): Promise<string[]> {
  if (!changes.length) return []
  const ids = changes.map(() => entityId("acchg"))
  // The clock, not the transaction's start (now()): changes made in one transaction keep their
  // order (the ids are monotonic too, for rows the clock cannot tell apart).
  await knex.raw(
    `INSERT INTO affiliate_conversion_change (id, conversion_id, actor, field, from_value, to_value, reason, created_at)
     SELECT r.id, r.conversion_id, ?, r.field, r.from_value, r.to_value, r.reason, clock_timestamp()
       FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS r(id, conversion_id, field, from_value, to_value, reason)`,
    [actor, ids, ...(["conversion_id", "field", "from", "to", "reason"] as const).map((column) => arrayParam(changes.map((c) => c[column])))]
  )
  return ids
}
