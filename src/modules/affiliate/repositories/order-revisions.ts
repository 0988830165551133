import type { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { entityId } from "../utils/entity-id"
import { formatAmount, rawBigNumber } from "../utils/money"
import { insertChanges } from "../sql/conversion-changes"
import { SqlRepository } from "../sql/sql-repository"
import type { ChangeRecord, ConversionStatus } from "../utils/conversion-status"
import { reviseCommission } from "../utils/revise-commission"

type OrderConversion = {
  id: string
  status: ConversionStatus
  status_reason: string | null
  order_total: string
  commission_amount: string
  commission_currency: string
  commission_type: "percentage" | "flat"
  refunded_total: string
  adjusted_total: string
  in_payout: boolean
}

/** What a revision changed, so a compensation can put it back exactly. */
export type RevisionUndo = {
  conversions: { id: string; status: ConversionStatus; status_reason: string | null; commission_amount: string; refunded_total: string }[]
  adjustment_ids: string[]
  change_ids: string[]
}

/*
 * Cancels and refunds of Medusa orders. The order's conversions are locked (by id, the module's
 * lock order) before anything is decided, so a review or a payout run at the same moment either
 * sees the revision or is seen by it, never half of it.
 */
export class OrderRevisionRepository extends SqlRepository {
  /**
   * Reverses the order's store and coupon conversions, or recomputes their commission on what
   * remains of the order (`utils/revise-commission.ts`). One already in a payout (paid, or in an
   * open one about to be paid) is never rewritten: the difference becomes a commission
   * adjustment for the affiliate's next payout. Rejected and reversed ones are left alone. Run
   * in a transaction; answers what to put back.
   */
  async reviseOrder(orderId: string, refundedTotal: string, canceled: boolean, actor: string, sharedContext: Context = {}): Promise<RevisionUndo> {
    const knex = this.knex(sharedContext)
    // Locked first, then read in a statement of their own, so payout lines and adjustments
    // committed while this waited for the locks are seen (see ConversionStatusRepository).
    await knex.raw(
      `SELECT id FROM affiliate_conversion
        WHERE order_id = ? AND source IN ('store', 'coupon') AND NOT is_test AND deleted_at IS NULL
        ORDER BY id FOR UPDATE`,
      [orderId]
    )
    const { rows } = await knex.raw(
      `SELECT c.id, c.status, c.status_reason, c.order_total::text AS order_total, c.commission_amount::text AS commission_amount,
              c.commission_currency, cp.commission_type, c.refunded_total::text AS refunded_total,
              (SELECT coalesce(sum(a.amount), 0)::text FROM affiliate_commission_adjustment a
                WHERE a.conversion_id = c.id AND a.deleted_at IS NULL) AS adjusted_total,
              EXISTS (SELECT 1 FROM affiliate_payout_line l WHERE l.conversion_id = c.id AND l.deleted_at IS NULL) AS in_payout
         FROM affiliate_conversion c
         JOIN affiliate_campaign cp ON cp.id = c.campaign_id
        WHERE c.order_id = ? AND c.source IN ('store', 'coupon') AND NOT c.is_test AND c.deleted_at IS NULL
        ORDER BY c.id`,
      [orderId]
    )
    const undo: RevisionUndo = { conversions: [], adjustment_ids: [], change_ids: [] }
    for (const c of rows as OrderConversion[]) {
      if (c.status === "rejected" || c.status === "reversed") continue
      const revision = reviseCommission({ ...c, refunded_total: refundedTotal, canceled })
      if (c.status === "paid" || c.in_payout) {
        const owed = MathBN.sub(revision.commission_amount, MathBN.add(c.commission_amount, c.adjusted_total))
        if (MathBN.eq(owed, 0)) continue
        const adjustmentId = entityId("aadj")
        await knex("affiliate_commission_adjustment").insert({
          id: adjustmentId,
          conversion_id: c.id,
          amount: owed.toFixed(),
          raw_amount: rawBigNumber(owed.toFixed()),
          currency_code: c.commission_currency,
          reason: revision.reason,
        })
        undo.adjustment_ids.push(adjustmentId)
        const to = formatAmount(owed.toFixed(), c.commission_currency)
        undo.change_ids.push(...(await insertChanges(knex, c.id, actor, [{ field: "adjustment", from: null, to, reason: revision.reason }])))
        continue
      }
      undo.conversions.push({ id: c.id, status: c.status, status_reason: c.status_reason, commission_amount: c.commission_amount, refunded_total: c.refunded_total })
      await knex("affiliate_conversion")
        .where({ id: c.id })
        .update({
          commission_amount: revision.commission_amount,
          raw_commission_amount: rawBigNumber(revision.commission_amount),
          refunded_total: revision.refunded_total,
          raw_refunded_total: rawBigNumber(revision.refunded_total),
          status: revision.reversed ? "reversed" : c.status,
          status_reason: revision.reason,
          updated_at: knex.fn.now(),
        })
      const changes: ChangeRecord[] = []
      if (revision.reversed) changes.push({ field: "status", from: c.status, to: "reversed", reason: revision.reason })
      if (!MathBN.eq(revision.commission_amount, c.commission_amount)) {
        const [from, to] = [c.commission_amount, revision.commission_amount].map((v) => formatAmount(v, c.commission_currency))
        changes.push({ field: "commission_amount", from, to, reason: revision.reason })
      }
      undo.change_ids.push(...(await insertChanges(knex, c.id, actor, changes)))
    }
    return undo
  }

  /** Takes back `reviseOrder` (a compensation): the conversions as they were, the adjustments and history rows gone. */
  async restore(undo: RevisionUndo, sharedContext: Context = {}): Promise<void> {
    const knex = this.knex(sharedContext)
    if (undo.change_ids.length) await knex("affiliate_conversion_change").whereIn("id", undo.change_ids).delete()
    if (undo.adjustment_ids.length) await knex("affiliate_commission_adjustment").whereIn("id", undo.adjustment_ids).delete()
    for (const c of undo.conversions) {
      await knex("affiliate_conversion")
        .where({ id: c.id })
        .update({
          status: c.status,
          status_reason: c.status_reason,
          commission_amount: c.commission_amount,
          raw_commission_amount: rawBigNumber(c.commission_amount),
          refunded_total: c.refunded_total,
          raw_refunded_total: rawBigNumber(c.refunded_total),
        })
    }
  }
}
