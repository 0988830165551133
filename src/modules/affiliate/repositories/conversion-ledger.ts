import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MathBN } from "@medusajs/framework/utils"
import { entityId } from "../utils/entity-id"
import { rawBigNumber } from "../utils/money"
import { CHANGE_ID_SQL, insertChanges } from "../sql/conversion-changes"
import { SqlRepository } from "../sql/sql-repository"
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

/*
 * The conversion ledger: every change of a conversion's status or amounts runs here, on its row
 * lock (or, for the hold period, on rows no one else holds), so of two changes from one state only
 * one wins and no update is lost. Locks are taken in one order everywhere, conversions (by id)
 * before payouts, so two of these never wait on each other in a circle.
 */
export class ConversionLedgerRepository extends SqlRepository {
  /**
   * The conversion as it stands, with its items; null if unknown. Locked until the caller's
   * transaction ends unless `lock` is false (a dry run). The lock comes first and the read after
   * it, in statements of their own: a statement that waited for the lock sees the row as it is
   * now, but the rows it joined as they were when it began (a payout line committed meanwhile
   * would be missed).
   */
  async readStanding(id: string, { lock }: { lock: boolean }, sharedContext: Context = {}): Promise<ValidatedConversion | null> {
    const knex = this.knex(sharedContext)
    if (lock) {
      const { rows: locked } = await knex.raw(`SELECT id FROM affiliate_conversion WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [id])
      if (!locked.length) return null
    }
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
        WHERE c.id = ? AND c.deleted_at IS NULL`,
      [id]
    )
    if (!rows.length) return null
    const items = await knex("affiliate_conversion_item")
      .where({ conversion_id: id })
      .whereNull("deleted_at")
      .orderBy("id")
      .select("id", "sku", "quantity", "status", knex.raw("item_value::text AS item_value"), knex.raw("commission_amount::text AS commission_amount"), knex.raw("commission_rate::text AS commission_rate"))
    const { payout_id, payout_status, ...standing } = rows[0]
    return { ...standing, items: items as StoredItem[], payout: payout_id ? { id: payout_id, status: payout_status } : null }
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
   * Applies one validation entry (contract, section 9) to the conversion of `campaignId` with its
   * `order_id`, on its row lock, with its history; run inside a transaction of its own (the
   * service's). A dry run reads without a lock and writes nothing.
   */
  async validateEntry(
    campaignId: string,
    isTest: boolean,
    entry: ValidationEntry,
    actor: string,
    dryRun: boolean,
    sharedContext: Context = {}
  ): Promise<EntryResult> {
    const knex = this.knex(sharedContext)
    const found = await knex("affiliate_conversion")
      .where({ order_id: entry.order_id, campaign_id: campaignId, is_test: isTest })
      .whereNull("deleted_at")
      .first("id")
    const current = found ? await this.readStanding(found.id, { lock: !dryRun }, sharedContext) : null
    if (!current) return { order_id: entry.order_id, result: "not_found", message: `No ${isTest ? "test " : ""}conversion of this campaign has order_id ${entry.order_id}` }
    const plan = planValidation(current, entry)
    const answer = (result: EntryResult["result"], status: ConversionStatus, amount: string, message?: string): EntryResult => ({
      order_id: entry.order_id,
      result,
      conversion_id: current.id,
      conversion_status: status,
      commission_amount: formatAmount(amount, current.commission_currency),
      ...(message ? { message } : {}),
    })
    if (plan.result === "invalid") return answer("invalid", current.status, current.commission_amount, plan.message)
    if (plan.result === "unchanged") return answer("unchanged", plan.conversion_status, plan.commission_amount)
    if (!dryRun) await this.applyValidation(current, plan, actor, sharedContext)
    return answer("updated", plan.conversion_status, plan.commission_amount)
  }

  /** Writes a validation plan: the conversion, its items, the payout it leaves, the adjustment and the history. */
  private async applyValidation(current: ValidatedConversion, plan: Extract<ValidationPlan, { result: "updated" }>, actor: string, sharedContext: Context) {
    const knex = this.knex(sharedContext)
    await knex("affiliate_conversion")
      .where({ id: current.id })
      .update({
        status: plan.conversion_status,
        status_reason: plan.status_reason,
        order_total: plan.order_total,
        raw_order_total: rawBigNumber(plan.order_total),
        commission_amount: plan.commission_amount,
        raw_commission_amount: rawBigNumber(plan.commission_amount),
        updated_at: knex.fn.now(),
      })
    for (const item of plan.items) {
      await knex("affiliate_conversion_item")
        .where({ id: item.id })
        .update({
          status: item.status,
          quantity: item.quantity,
          item_value: item.item_value,
          raw_item_value: rawBigNumber(item.item_value),
          commission_amount: item.commission_amount,
          raw_commission_amount: item.commission_amount === null ? null : rawBigNumber(item.commission_amount),
          updated_at: knex.fn.now(),
        })
    }
    if (plan.leave_open_payout) await leavePayout(knex, plan.leave_open_payout, current.id, actor)
    if (plan.adjustment) {
      await knex("affiliate_commission_adjustment").insert({
        id: entityId("aadj"),
        conversion_id: current.id,
        amount: plan.adjustment,
        raw_amount: rawBigNumber(plan.adjustment),
        currency_code: current.commission_currency,
        reason: plan.status_reason ?? plan.changes.find((c) => c.reason)?.reason ?? "validated by the shop",
      })
    }
    await insertChanges(knex, current.id, actor, plan.changes)
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
