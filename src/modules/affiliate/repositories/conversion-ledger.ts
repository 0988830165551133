import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MathBN } from "@medusajs/framework/utils"
import { entityId } from "../utils/entity-id"
import { rawBigNumber } from "../utils/money"
import { CHANGE_ID_SQL, insertChangeRows, insertChanges } from "../sql/conversion-changes"
import { arrayParam, SqlRepository } from "../sql/sql-repository"
import { type ConversionStatus, planStatusChange, type StatusPlan, type StatusRequest } from "../utils/conversion-status"
import { formatAmount } from "../utils/money"
import { planValidation, type StoredItem, type ValidatedConversion, type ValidationEntry, type ValidationPlan } from "../utils/validation"

const HOLD_PERIOD_REASON = "approved after the hold period"

/** One entry's answer (contract, section 9). */
export type EntryResult = {
  order_id: string
  result: "updated" | "unchanged" | "not_found" | "invalid"
  conversion_id?: string
  conversion_status?: ConversionStatus
  /** Decimal string in the commission's currency. */
  commission_amount?: string
  message?: string
}

/** A validation entry with the conversions it names, test or live (the entry's or the call's `test`). */
export type ValidationChunkEntry = { is_test: boolean; entry: ValidationEntry }

/*
 * The conversion ledger: every change of a conversion's status or amounts runs here, on its row
 * lock (or, for the hold period, on rows no one else holds), so of two changes from one state only
 * one wins and no update is lost. Locks are taken in one order everywhere, conversions (by id)
 * before payouts, so two of these never wait on each other in a circle.
 */
export class ConversionLedgerRepository extends SqlRepository {
  /**
   * The conversion as it stands, with its items; null if unknown. Locked until the caller's
   * transaction ends unless `lock` is false (a dry run).
   */
  async readStanding(id: string, { lock }: { lock: boolean }, sharedContext: Context = {}): Promise<ValidatedConversion | null> {
    if (lock) {
      const { rows: locked } = await this.knex(sharedContext).raw(`SELECT id FROM affiliate_conversion WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [id])
      if (!locked.length) return null
    }
    return (await this.readStandings([id], sharedContext)).get(id) ?? null
  }

  /**
   * Conversions as they stand, with their items, by id (those that exist), in two statements. Not
   * locked here: callers lock first, in a statement of their own, because a statement that waited
   * for a lock sees the row as it is now but the rows it joined as they were when it began (a
   * payout line committed meanwhile would be missed).
   */
  async readStandings(ids: string[], sharedContext: Context = {}): Promise<Map<string, ValidatedConversion>> {
    const knex = this.knex(sharedContext)
    const standings = new Map<string, ValidatedConversion>()
    if (!ids.length) return standings
    const { rows } = await knex.raw(
      `SELECT c.id, c.status, c.status_reason, c.is_test, c.commission_amount::text AS commission_amount, c.commission_currency,
              c.order_total::text AS order_total, c.order_currency, coalesce(c.commission_type, cp.commission_type) AS commission_type,
              c.commission_rate::text AS commission_rate,
              (SELECT coalesce(sum(a.amount), 0)::text FROM affiliate_commission_adjustment a
                WHERE a.conversion_id = c.id AND a.deleted_at IS NULL) AS adjusted_total,
              p.id AS payout_id, p.status AS payout_status
         FROM affiliate_conversion c
         JOIN affiliate_campaign cp ON cp.id = c.campaign_id
         LEFT JOIN affiliate_payout_line l ON l.conversion_id = c.id AND l.deleted_at IS NULL
         LEFT JOIN affiliate_payout p ON p.id = l.payout_id AND p.deleted_at IS NULL
        WHERE c.id = ANY(?) AND c.deleted_at IS NULL`,
      [ids]
    )
    for (const { payout_id, payout_status, ...standing } of rows) {
      standings.set(standing.id, { ...standing, items: [], payout: payout_id ? { id: payout_id, status: payout_status } : null })
    }
    const { rows: items } = await knex.raw(
      `SELECT conversion_id, id, sku, quantity, status, item_value::text AS item_value, commission_amount::text AS commission_amount,
              commission_rate::text AS commission_rate
         FROM affiliate_conversion_item WHERE conversion_id = ANY(?) AND deleted_at IS NULL ORDER BY conversion_id, id`,
      [ids]
    )
    for (const { conversion_id, ...item } of items) standings.get(conversion_id)?.items.push(item as StoredItem)
    return standings
  }

  /**
   * Approves or rejects one conversion under its row lock, with its history; run inside a
   * transaction (the service's). Answers the plan it applied, or why it changed nothing.
   */
  async changeStatus(id: string, request: StatusRequest, actor: string, sharedContext: Context = {}): Promise<StatusPlan | null> {
    const knex = this.knex(sharedContext)
    const standing = await this.readStanding(id, { lock: true }, sharedContext)
    if (!standing) return null
    const plan = planStatusChange(standing, request)
    if (plan.result !== "updated") return plan
    await knex("affiliate_conversion")
      .where({ id })
      .update({ status: plan.status, status_reason: plan.status_reason, updated_at: knex.fn.now() })
    if (plan.leave_open_payout) await leavePayout(knex, plan.leave_open_payout, id, actor)
    if (plan.adjustment) {
      await knex("affiliate_commission_adjustment").insert({
        id: entityId("aadj"),
        conversion_id: id,
        amount: plan.adjustment,
        raw_amount: rawBigNumber(plan.adjustment),
        currency_code: standing.commission_currency,
        reason: plan.status_reason ?? "rejected after payment",
      })
    }
    await insertChanges(knex, id, actor, plan.changes)
    return plan
  }

  /**
   * Applies validation entries (contract, section 9) to the conversions of `campaignId`, in order,
   * one result each; run inside a transaction (the service's, one per chunk of a call). Their
   * conversions are looked up and locked in one statement, in id order (the module's lock order),
   * then read; each entry is planned on its conversion as the entries before it left it, and the
   * plans are written a few statements at a time (`writePlans`). Any fault throws, for the caller
   * to roll the chunk back. A dry run reads without locks and writes nothing: each entry is planned
   * on the rows as they are.
   */
  async validateEntries(
    campaignId: string,
    entries: ValidationChunkEntry[],
    actor: string,
    dryRun: boolean,
    sharedContext: Context = {}
  ): Promise<EntryResult[]> {
    const knex = this.knex(sharedContext)
    const orderIds = entries.map((e) => e.entry.order_id)
    const { rows: found } = await knex.raw(
      // order_id = ANY(…) walks the unique (order_id, campaign_id, is_test) index even before the
      // table has statistics; the pairs then keep test and live apart.
      `SELECT id, order_id, is_test FROM affiliate_conversion
        WHERE order_id = ANY(?) AND campaign_id = ? AND deleted_at IS NULL
          AND (order_id, is_test) IN (SELECT * FROM unnest(?::text[], ?::boolean[]))
        ORDER BY id ${dryRun ? "" : "FOR UPDATE"}`,
      [orderIds, campaignId, orderIds, entries.map((e) => e.is_test)]
    )
    const idOf = new Map((found as { id: string; order_id: string; is_test: boolean }[]).map((r) => [entryKey(r.order_id, r.is_test), r.id]))
    let standings = await this.readStandings([...idOf.values()], sharedContext)
    const planned: PlannedWrite[] = []
    // Rows read before an earlier entry of the chunk changed them (planned, not yet written), and
    // whether any row may have changed since it was read: a payout left may release other lines.
    const moved = new Set<string>()
    let payoutLeft = false
    const results: EntryResult[] = []
    for (const { is_test, entry } of entries) {
      const id = idOf.get(entryKey(entry.order_id, is_test))
      if (id && (moved.has(id) || payoutLeft)) {
        await writePlans(knex, actor, planned.splice(0))
        standings = await this.readStandings([...standings.keys()], sharedContext)
        moved.clear()
        payoutLeft = false
      }
      const current = id ? standings.get(id) : undefined
      if (!current) {
        results.push({ order_id: entry.order_id, result: "not_found", message: `No ${is_test ? "test " : ""}conversion of this campaign has order_id ${entry.order_id}` })
        continue
      }
      const plan = planValidation(current, entry)
      if (plan.result === "updated" && !dryRun) {
        if (plan.leave_open_payout) {
          // After the writes planned before it, so each released conversion's history stays in order.
          await writePlans(knex, actor, planned.splice(0))
          await leavePayout(knex, plan.leave_open_payout, current.id, actor)
          payoutLeft = true
        }
        planned.push({ current, plan })
        moved.add(current.id)
      }
      results.push(entryResult(entry.order_id, current, plan))
    }
    await writePlans(knex, actor, planned)
    return results
  }

  /** Takes back a review of a pending conversion (a compensation), if nothing moved it since. */
  async reopenReviewed(id: string, reviewedTo: string, sharedContext: Context = {}): Promise<void> {
    const knex = this.knex(sharedContext)
    const reopened = await knex("affiliate_conversion").where({ id, status: reviewedTo }).update({ status: "pending", status_reason: null })
    if (!reopened) return
    await knex("affiliate_conversion_change").where({ conversion_id: id, field: "status", from_value: "pending", to_value: reviewedTo }).delete()
  }

  /**
   * Approves up to `batch` live pending conversions recorded at least their campaign's
   * `hold_days` before `now`, the oldest first, each with its history row; answers their ids.
   * A flagged conversion (a fraud signal not trusted) is never approved here: it waits in the
   * review queue for an admin's decision (README, "Trust").
   * Rows another transaction holds are skipped (a review under way, another worker), and the
   * lock re-reads the status, so a conversion reviewed meanwhile is never approved over it. The
   * scan walks the (status, created_at) index no further than the shortest hold of any campaign.
   */
  async approveHeld(now: Date, batch: number, sharedContext: Context = {}): Promise<string[]> {
    const { rows } = await this.knex(sharedContext).raw(
      `WITH due AS (
         SELECT c.id
           FROM affiliate_conversion c
           JOIN affiliate_campaign cp ON cp.id = c.campaign_id
          WHERE c.status = 'pending' AND NOT c.is_test AND NOT c.flagged AND c.deleted_at IS NULL
            AND c.created_at <= ?::timestamptz - make_interval(days => (SELECT coalesce(min(hold_days), 0) FROM affiliate_campaign))
            AND c.created_at <= ?::timestamptz - make_interval(days => cp.hold_days)
          ORDER BY c.created_at
          LIMIT ?
          FOR UPDATE OF c SKIP LOCKED
       ), approved AS (
         UPDATE affiliate_conversion c SET status = 'approved', status_reason = ?, updated_at = now()
           FROM due WHERE c.id = due.id AND c.status = 'pending' AND NOT c.flagged
         RETURNING c.id
       ), logged AS (
         INSERT INTO affiliate_conversion_change (id, conversion_id, actor, field, from_value, to_value, reason, created_at)
         SELECT ${CHANGE_ID_SQL}, id, 'system', 'status', 'pending', 'approved', ?, clock_timestamp() FROM approved
       )
       SELECT id FROM approved`,
      [now, now, batch, HOLD_PERIOD_REASON, HOLD_PERIOD_REASON]
    )
    return (rows as { id: string }[]).map((r) => r.id)
  }

  /** Takes back a hold-period run (a compensation): those conversions pending again, if nothing moved them since. */
  async reopenApproved(ids: string[], sharedContext: Context = {}): Promise<void> {
    if (!ids.length) return
    const knex = this.knex(sharedContext)
    const reopened = await knex("affiliate_conversion")
      .whereIn("id", ids)
      .andWhere({ status: "approved", status_reason: HOLD_PERIOD_REASON })
      .update({ status: "pending", status_reason: null }, ["id"])
    await knex("affiliate_conversion_change")
      .whereIn("conversion_id", reopened.map((r: { id: string }) => r.id))
      .andWhere({ actor: "system", field: "status", to_value: "approved", reason: HOLD_PERIOD_REASON })
      .delete()
  }
}

type PlannedWrite = { current: ValidatedConversion; plan: Extract<ValidationPlan, { result: "updated" }> }

const entryKey = (orderId: string, isTest: boolean) => `${isTest ? "t" : "l"}:${orderId}`

function entryResult(orderId: string, current: ValidatedConversion, plan: ValidationPlan): EntryResult {
  const invalid = plan.result === "invalid"
  return {
    order_id: orderId,
    result: plan.result,
    conversion_id: current.id,
    conversion_status: invalid ? current.status : plan.conversion_status,
    commission_amount: formatAmount(invalid ? current.commission_amount : plan.commission_amount, current.commission_currency),
    ...(invalid ? { message: plan.message } : {}),
  }
}

/**
 * Writes validation plans of distinct conversions: the conversions in one statement, their items
 * in another, then their adjustments and their history, each bound as one array per column
 * whatever the number of rows (a few statements per chunk instead of several per entry).
 */
async function writePlans(knex: Knex, actor: string, planned: PlannedWrite[]): Promise<void> {
  if (!planned.length) return
  const plans = planned.map((p) => p.plan)
  await knex.raw(
    `UPDATE affiliate_conversion c
        SET status = v.status, status_reason = v.status_reason, order_total = v.order_total::numeric, raw_order_total = v.raw_order_total::jsonb,
            commission_amount = v.commission_amount::numeric, raw_commission_amount = v.raw_commission_amount::jsonb, updated_at = now()
       FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
            AS v(id, status, status_reason, order_total, raw_order_total, commission_amount, raw_commission_amount)
      WHERE c.id = v.id`,
    [
      arrayParam(planned.map((p) => p.current.id)),
      arrayParam(plans.map((p) => p.conversion_status)),
      arrayParam(plans.map((p) => p.status_reason)),
      arrayParam(plans.map((p) => p.order_total)),
      arrayParam(plans.map((p) => rawBigNumber(p.order_total))),
      arrayParam(plans.map((p) => p.commission_amount)),
      arrayParam(plans.map((p) => rawBigNumber(p.commission_amount))),
    ]
  )
  const items = plans.flatMap((p) => p.items)
  if (items.length) {
    await knex.raw(
      `UPDATE affiliate_conversion_item i
          SET status = v.status, quantity = v.quantity, item_value = v.item_value::numeric, raw_item_value = v.raw_item_value::jsonb,
              commission_amount = v.commission_amount::numeric, raw_commission_amount = v.raw_commission_amount::jsonb, updated_at = now()
         FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[])
              AS v(id, status, quantity, item_value, raw_item_value, commission_amount, raw_commission_amount)
        WHERE i.id = v.id`,
      [
        arrayParam(items.map((i) => i.id)),
        arrayParam(items.map((i) => i.status)),
        arrayParam(items.map((i) => i.quantity)),
        arrayParam(items.map((i) => i.item_value)),
        arrayParam(items.map((i) => rawBigNumber(i.item_value))),
        arrayParam(items.map((i) => i.commission_amount)),
        arrayParam(items.map((i) => (i.commission_amount === null ? null : rawBigNumber(i.commission_amount)))),
      ]
    )
  }
  const adjustments = planned.filter((p) => p.plan.adjustment)
  if (adjustments.length) {
    await knex("affiliate_commission_adjustment").insert(
      adjustments.map(({ current, plan }) => ({
        id: entityId("aadj"),
        conversion_id: current.id,
        amount: plan.adjustment,
        raw_amount: rawBigNumber(plan.adjustment!),
        currency_code: current.commission_currency,
        reason: plan.status_reason ?? plan.changes.find((c) => c.reason)?.reason ?? "validated by the shop",
      }))
    )
  }
  await insertChangeRows(knex, actor, planned.flatMap(({ current, plan }) => plan.changes.map((c) => ({ ...c, conversion_id: current.id }))))
}

const DISSOLVED = "payout dissolved: nothing left to pay once a conversion was rejected"

/**
 * Takes a conversion's line out of an open payout and sets the payout's amount to the sum of the
 * lines left. A payout with nothing positive left to pay is dissolved: its other lines return to
 * the affiliate's balance for the next run, and their conversions' history says so.
 */
async function leavePayout(knex: Knex, payoutId: string, conversionId: string, actor: string): Promise<void> {
  await knex.raw(`SELECT id FROM affiliate_payout WHERE id = ? FOR UPDATE`, [payoutId])
  await knex("affiliate_payout_line").where({ payout_id: payoutId, conversion_id: conversionId }).delete()
  const { rows } = await knex.raw(
    `SELECT coalesce(sum(amount), 0)::text AS total, count(*)::int AS lines FROM affiliate_payout_line WHERE payout_id = ? AND deleted_at IS NULL`,
    [payoutId]
  )
  const { total, lines } = rows[0] as { total: string; lines: number }
  if (!lines || !MathBN.gt(total, 0)) {
    const released = await knex("affiliate_payout_line").where({ payout_id: payoutId }).delete(["conversion_id"])
    for (const { conversion_id } of released as { conversion_id: string | null }[]) {
      if (conversion_id) await insertChanges(knex, conversion_id, actor, [{ field: "payout", from: payoutId, to: null, reason: DISSOLVED }])
    }
    await knex("affiliate_payout").where({ id: payoutId }).delete()
    return
  }
  await knex("affiliate_payout").where({ id: payoutId }).update({ amount: total, raw_amount: rawBigNumber(total), updated_at: knex.fn.now() })
}
