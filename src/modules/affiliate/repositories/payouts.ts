import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MathBN } from "@medusajs/framework/utils"
import { entityId } from "../utils/entity-id"
import { formatAmount, rawBigNumber, sumAmounts } from "../utils/money"
import { ROLLUPS } from "../sql/rollups"
import { CHANGE_ID_SQL } from "../sql/conversion-changes"
import { SqlRepository } from "../sql/sql-repository"
import type { Balance, BalanceFilter, PayoutLineDetail, PayoutRequest, PayoutWithLines } from "../types"

/*
 * An affiliate's balance is what is owed and not yet in a payout: approved live conversions and
 * commission adjustments (negative when the affiliate owes money back) that no payout line holds.
 * A payout takes them as lines, per affiliate and currency; its amount is the sum of its lines.
 */

const UNPAID_CONVERSIONS = `SELECT c.id AS conversion_id, NULL::text AS adjustment_id, c.affiliate_id,
         c.commission_currency AS currency_code, c.commission_amount AS amount
    FROM affiliate_conversion c
   WHERE c.status = 'approved' AND NOT c.is_test AND c.deleted_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM affiliate_payout_line l WHERE l.conversion_id = c.id AND l.deleted_at IS NULL)`

const UNPAID_ADJUSTMENTS = `SELECT NULL::text AS conversion_id, a.id AS adjustment_id, c.affiliate_id,
         a.currency_code, a.amount
    FROM affiliate_commission_adjustment a
    JOIN affiliate_conversion c ON c.id = a.conversion_id
   WHERE a.deleted_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM affiliate_payout_line l WHERE l.adjustment_id = a.id AND l.deleted_at IS NULL)`

/** `AND …` conditions and their bindings for the optional affiliate and currency filters. */
function filterSql(filter: BalanceFilter, affiliateColumn: string, currencyColumn: string) {
  const conditions: string[] = []
  const bindings: Knex.RawBinding[] = []
  if (filter.affiliate_ids?.length) {
    conditions.push(`AND ${affiliateColumn} = ANY(?)`)
    bindings.push(filter.affiliate_ids)
  }
  if (filter.currency_code) {
    conditions.push(`AND ${currencyColumn} = ?`)
    bindings.push(filter.currency_code)
  }
  return { sql: conditions.join(" "), bindings }
}

/*
 * Balances read the approved commission from the rollups (folded and not folded yet, as reports
 * do), not from the conversions: an affiliate with months of approved conversions is summed from
 * a row per day, not a row per conversion (`npm run bench:scale`). The approved conversions that an
 * open payout already holds are taken off; those of a paid payout are `paid` already (marking a
 * payout paid moves them in the same transaction), so no approved conversion is in one.
 */
const APPROVED_IN_ROLLUPS = `SELECT affiliate_id, currency_code, commission AS amount FROM ${ROLLUPS} stats WHERE status = 'approved'`

const APPROVED_IN_OPEN_PAYOUTS = `SELECT c.affiliate_id, c.commission_currency AS currency_code, -c.commission_amount AS amount
    FROM affiliate_payout p
    JOIN affiliate_payout_line l ON l.payout_id = p.id AND l.deleted_at IS NULL
    JOIN affiliate_conversion c ON c.id = l.conversion_id
   WHERE p.status = 'open' AND p.deleted_at IS NULL AND c.status = 'approved' AND NOT c.is_test AND c.deleted_at IS NULL`

type Item = { conversion_id: string | null; adjustment_id: string | null; affiliate_id: string; currency_code: string; amount: string }

const LINE_BATCH = 1000

/*
 * Lock order, as everywhere in the module: conversions (by id) before the payout, so a payout run,
 * a payment and a review never wait on each other in a circle.
 */
export class PayoutRepository extends SqlRepository {
  /** Balances per affiliate and currency (non-zero only), as decimal strings in the currency's minor unit. */
  async balances(filter: BalanceFilter, sharedContext: Context = {}): Promise<Balance[]> {
    const rollups = filterSql(filter, "affiliate_id", "currency_code")
    const inPayouts = filterSql(filter, "c.affiliate_id", "c.commission_currency")
    const adjustments = filterSql(filter, "c.affiliate_id", "a.currency_code")
    const { rows } = await this.knex(sharedContext).raw(
      `SELECT affiliate_id, currency_code, sum(amount)::text AS amount
         FROM (${APPROVED_IN_ROLLUPS} ${rollups.sql}
               UNION ALL ${APPROVED_IN_OPEN_PAYOUTS} ${inPayouts.sql}
               UNION ALL SELECT affiliate_id, currency_code, amount FROM (${UNPAID_ADJUSTMENTS} ${adjustments.sql}) a) items
        GROUP BY affiliate_id, currency_code
       HAVING sum(amount) <> 0
        ORDER BY affiliate_id, currency_code`,
      [...rollups.bindings, ...inPayouts.bindings, ...adjustments.bindings]
    )
    return (rows as Balance[]).map((r) => ({ ...r, amount: formatAmount(r.amount, r.currency_code) }))
  }

  /**
   * Puts every unpaid item into a payout per affiliate and currency whose total is positive and at
   * least `minimum_amount`; a negative total (more owed back than earned) waits for later earnings.
   * Run in a transaction: an advisory lock makes payout runs take turns, so a run reads the lines
   * the one before it committed and nothing is paid twice (the unique line indexes back this up).
   * The conversions are locked and read again as they are locked: one rejected meanwhile is not
   * approved any more and stays out. Each conversion's history records its payout.
   */
  async createPayouts(request: PayoutRequest, actor: string, sharedContext: Context = {}): Promise<string[]> {
    const knex = this.knex(sharedContext)
    await knex.raw(`SELECT pg_advisory_xact_lock(hashtext('affiliate_payout_run'))`)
    const filter = { affiliate_ids: request.affiliate_id ? [request.affiliate_id] : undefined, currency_code: request.currency_code }
    const conversions = filterSql(filter, "c.affiliate_id", "c.commission_currency")
    const adjustments = filterSql(filter, "c.affiliate_id", "a.currency_code")
    const { rows: convRows } = await knex.raw(`${UNPAID_CONVERSIONS} ${conversions.sql} ORDER BY c.id FOR UPDATE OF c`, conversions.bindings)
    const { rows: adjRows } = await knex.raw(`${UNPAID_ADJUSTMENTS} ${adjustments.sql} FOR UPDATE OF a`, adjustments.bindings)

    const groups = new Map<string, Item[]>()
    for (const item of [...convRows, ...adjRows] as Item[]) {
      const key = `${item.affiliate_id}|${item.currency_code}`
      const group = groups.get(key)
      if (group) group.push(item)
      else groups.set(key, [item])
    }
    const minimum = request.minimum_amount ?? "0"
    const created: string[] = []
    for (const items of groups.values()) {
      const total = sumAmounts(items.map((i) => i.amount))
      if (!MathBN.gt(total, 0) || MathBN.lt(total, minimum)) continue
      const payoutId = entityId("apay")
      const { affiliate_id, currency_code } = items[0]
      await knex("affiliate_payout").insert({
        id: payoutId,
        affiliate_id,
        currency_code,
        amount: total,
        raw_amount: rawBigNumber(total),
        status: "open",
      })
      const lines = items.map((i) => {
        const amount = MathBN.convert(i.amount).toFixed()
        return { id: entityId("apyl"), payout_id: payoutId, conversion_id: i.conversion_id, adjustment_id: i.adjustment_id, amount, raw_amount: rawBigNumber(amount) }
      })
      for (let i = 0; i < lines.length; i += LINE_BATCH) await knex("affiliate_payout_line").insert(lines.slice(i, i + LINE_BATCH))
      await knex.raw(
        `INSERT INTO affiliate_conversion_change (id, conversion_id, actor, field, from_value, to_value, reason, created_at)
         SELECT ${CHANGE_ID_SQL}, conversion_id, ?, 'payout', NULL, payout_id, 'in a payout', clock_timestamp()
           FROM affiliate_payout_line WHERE payout_id = ? AND conversion_id IS NOT NULL`,
        [actor, payoutId]
      )
      created.push(payoutId)
    }
    return created
  }

  /** Takes back `createPayouts` (a compensation): the payouts, their lines and their history rows, gone. */
  async deletePayouts(ids: string[], sharedContext: Context = {}): Promise<void> {
    if (!ids.length) return
    const knex = this.knex(sharedContext)
    await knex("affiliate_conversion_change").where({ field: "payout" }).whereIn("to_value", ids).delete()
    await knex("affiliate_payout_line").whereIn("payout_id", ids).delete()
    await knex("affiliate_payout").whereIn("id", ids).delete()
  }

  /**
   * Marks an open payout paid with its reference, and its conversions `paid` (the rollup triggers
   * move them in the reports), each with its history row. Null when the payout is not open
   * (already paid, or unknown). Run in a transaction.
   */
  async markPaid(id: string, reference: string, paidAt: Date, actor: string, sharedContext: Context = {}): Promise<{ conversion_ids: string[] } | null> {
    const knex = this.knex(sharedContext)
    await knex.raw(
      `SELECT c.id FROM affiliate_conversion c JOIN affiliate_payout_line l ON l.conversion_id = c.id
        WHERE l.payout_id = ? AND l.deleted_at IS NULL ORDER BY c.id FOR UPDATE OF c`,
      [id]
    )
    const updated = await knex("affiliate_payout")
      .where({ id, status: "open" })
      .whereNull("deleted_at")
      .update({ status: "paid", reference, paid_at: paidAt, updated_at: knex.fn.now() })
    if (!updated) return null
    const { rows } = await knex.raw(
      `WITH paid AS (
         UPDATE affiliate_conversion c SET status = 'paid', status_reason = NULL, updated_at = now()
           FROM affiliate_payout_line l
          WHERE l.payout_id = ? AND l.conversion_id = c.id AND l.deleted_at IS NULL AND c.status = 'approved'
          RETURNING c.id
       ), logged AS (
         INSERT INTO affiliate_conversion_change (id, conversion_id, actor, field, from_value, to_value, reason, created_at)
         SELECT ${CHANGE_ID_SQL}, id, ?, 'status', 'approved', 'paid', ?, clock_timestamp() FROM paid
       )
       SELECT id FROM paid`,
      [id, actor, `paid in payout ${id} (reference ${reference})`]
    )
    return { conversion_ids: (rows as { id: string }[]).map((r) => r.id) }
  }

  /** Takes back `markPaid` (a compensation): the payout open again, its conversions approved, their history rows gone. */
  async reopen(id: string, conversionIds: string[], sharedContext: Context = {}): Promise<void> {
    const knex = this.knex(sharedContext)
    await knex("affiliate_payout").where({ id }).update({ status: "open", reference: null, paid_at: null })
    if (!conversionIds.length) return
    await knex("affiliate_conversion").whereIn("id", conversionIds).andWhere({ status: "paid" }).update({ status: "approved" })
    await knex("affiliate_conversion_change")
      .whereIn("conversion_id", conversionIds)
      .andWhere({ field: "status", from_value: "approved", to_value: "paid" })
      .delete()
  }

  /** Payouts with their lines (for the answer of a payout run), lines in the order they were made. */
  async withLines(ids: string[], sharedContext: Context = {}): Promise<PayoutWithLines[]> {
    if (!ids.length) return []
    const knex = this.knex(sharedContext)
    const payouts = await knex("affiliate_payout")
      .whereIn("id", ids)
      .select("id", "affiliate_id", "currency_code", knex.raw("amount::text AS amount"), "status", "reference", "paid_at", "created_at")
      .orderBy("id")
    const linesOf = new Map<string, PayoutLineDetail[]>()
    for (const line of await this.lines({ payout_ids: ids, limit: Number.MAX_SAFE_INTEGER }, sharedContext)) {
      const lines = linesOf.get(line.payout_id)
      if (lines) lines.push(line)
      else linesOf.set(line.payout_id, [line])
    }
    return payouts.map((p: PayoutWithLines) => ({
      ...p,
      amount: formatAmount(p.amount, p.currency_code),
      lines: (linesOf.get(p.id) ?? []).map((l) => ({ ...l, amount: formatAmount(l.amount, p.currency_code) })),
    }))
  }

  /**
   * A payout's lines with what each one pays for (the conversion's order and campaign, or the
   * adjustment's reason and its conversion's order), in the order they were made; `after` is the
   * last line id of the batch before (exports page through with it).
   */
  async lines(
    { payout_ids, after, limit }: { payout_ids: string[]; after?: string; limit: number },
    sharedContext: Context = {}
  ): Promise<PayoutLineDetail[]> {
    const knex = this.knex(sharedContext)
    const query = knex("affiliate_payout_line as l")
      .leftJoin("affiliate_commission_adjustment as a", "a.id", "l.adjustment_id")
      .leftJoin("affiliate_conversion as c", "c.id", knex.raw("coalesce(l.conversion_id, a.conversion_id)"))
      .whereIn("l.payout_id", payout_ids)
      .whereNull("l.deleted_at")
      .select(
        "l.id",
        "l.payout_id",
        knex.raw(`CASE WHEN l.conversion_id IS NULL THEN 'adjustment' ELSE 'conversion' END AS type`),
        "l.conversion_id",
        "l.adjustment_id",
        knex.raw("l.amount::text AS amount"),
        "c.campaign_id",
        "c.order_id",
        "c.source",
        "c.occurred_at",
        "a.reason"
      )
      .orderBy("l.id")
      .limit(limit)
    if (after) query.where("l.id", ">", after)
    return (await query) as PayoutLineDetail[]
  }
}
