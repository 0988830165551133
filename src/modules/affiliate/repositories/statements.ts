import type { Context } from "@medusajs/framework/types"
import { WANTS_EACH_CONVERSION_MAIL } from "../sql/listeners"
import { runPrepared } from "../sql/prepared"
import { SqlRepository } from "../sql/sql-repository"
import type { DigestRow, PartnerConversion, StatementAffiliate, StatementConversion, StatementPayout } from "../types"
import { entityId } from "../utils/entity-id"
import { formatAmount } from "../utils/money"

/*
 * The affiliate's statement link: only the token's hash is stored, one live link per affiliate
 * (a unique index), rotated and revoked by soft deletion so a compensation can bring a link back.
 */

export class StatementRepository extends SqlRepository {
  /** The live link's affiliate (not deleted), or null for an unknown, rotated or revoked token. */
  async findStatementAffiliate(tokenHash: string, sharedContext: Context = {}): Promise<StatementAffiliate | null> {
    const knex = this.knex(sharedContext)
    const row = await knex("affiliate_statement_link as s")
      .join("affiliate as a", "a.id", "s.affiliate_id")
      .where("s.token_hash", tokenHash)
      .whereNull("s.deleted_at")
      .whereNull("a.deleted_at")
      .first("a.id", "a.name", "a.code", "a.status")
    return (row as StatementAffiliate | undefined) ?? null
  }

  /**
   * Ends the affiliate's live link (if any) and starts one for `tokenHash`, in one transaction; the
   * affiliate's row lock makes two rotations at once take turns. Answers the new link's id and the
   * ended ones (for a compensation).
   */
  async rotateStatementLink(affiliateId: string, tokenHash: string, sharedContext: Context = {}) {
    const knex = this.knex(sharedContext)
    await knex("affiliate").where({ id: affiliateId }).forUpdate().first("id")
    const revoked = await this.revokeStatementLinks(affiliateId, sharedContext)
    const id = entityId("astl")
    await knex("affiliate_statement_link").insert({ id, affiliate_id: affiliateId, token_hash: tokenHash })
    return { id, revoked_ids: revoked }
  }

  /** Ends the affiliate's live link; answers the ids it ended. */
  async revokeStatementLinks(affiliateId: string, sharedContext: Context = {}): Promise<string[]> {
    const knex = this.knex(sharedContext)
    const rows = await knex("affiliate_statement_link")
      .where({ affiliate_id: affiliateId })
      .whereNull("deleted_at")
      .update({ deleted_at: knex.fn.now() }, ["id"])
    return (rows as { id: string }[]).map((r) => r.id)
  }

  /** Takes back a rotation or a revocation (a compensation): the new link gone, the ended ones live again. */
  async restoreStatementLinks({ created_id, revoked_ids }: { created_id?: string | null; revoked_ids: string[] }, sharedContext: Context = {}) {
    const knex = this.knex(sharedContext)
    if (created_id) await knex("affiliate_statement_link").where({ id: created_id }).delete()
    if (revoked_ids.length) await knex("affiliate_statement_link").whereIn("id", revoked_ids).update({ deleted_at: null })
  }

  /** When the affiliate's live link was made, or null without one. */
  async liveStatementLink(affiliateId: string, sharedContext: Context = {}): Promise<{ created_at: Date } | null> {
    const knex = this.knex(sharedContext)
    const row = await knex("affiliate_statement_link").where({ affiliate_id: affiliateId }).whereNull("deleted_at").first("created_at")
    return (row as { created_at: Date } | undefined) ?? null
  }

  /**
   * The affiliate's latest live conversions since `since`, without shopper data: no user agent, IP,
   * device or metadata, and the order id only where the campaign shows it on statements.
   */
  async statementConversions(affiliateId: string, since: Date, limit: number, sharedContext: Context = {}): Promise<StatementConversion[]> {
    const knex = this.knex(sharedContext)
    const rows = await knex("affiliate_conversion as c")
      .join("affiliate_campaign as cp", "cp.id", "c.campaign_id")
      .where("c.affiliate_id", affiliateId)
      .andWhere("c.created_at", ">=", since)
      .andWhere("c.is_test", false)
      .whereNull("c.deleted_at")
      .select(
        "c.created_at",
        "c.campaign_id",
        "cp.name as campaign_name",
        "c.source",
        "c.status",
        knex.raw("c.commission_amount::text AS commission_amount"),
        "c.commission_currency",
        knex.raw("CASE WHEN cp.show_order_ids_on_statement THEN c.order_id END AS order_id")
      )
      .orderBy([{ column: "c.created_at", order: "desc" }, { column: "c.id", order: "desc" }])
      .limit(limit)
    return (rows as StatementConversion[]).map((r) => ({ ...r, commission_amount: formatAmount(r.commission_amount, r.commission_currency) }))
  }

  /** The affiliate's latest payouts, newest first. */
  async affiliatePayouts(affiliateId: string, limit: number, sharedContext: Context = {}): Promise<StatementPayout[]> {
    const knex = this.knex(sharedContext)
    const rows = await knex("affiliate_payout")
      .where({ affiliate_id: affiliateId })
      .whereNull("deleted_at")
      .select("id", knex.raw("amount::text AS amount"), "currency_code", "status", "reference", "paid_at", "created_at")
      .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
      .limit(limit)
    return (rows as StatementPayout[]).map((r) => ({ ...r, amount: formatAmount(r.amount, r.currency_code) }))
  }

  async partnerConversions(ids: string[], sharedContext: Context = {}): Promise<PartnerConversion[]> {
  const knex = this.knex(sharedContext)
  if (!ids.length) return []
  const rows = await knex("affiliate_conversion as c")
    .leftJoin("affiliate_campaign as cp", "cp.id", "c.campaign_id")
    .whereIn("c.id", ids)
    .select(
      "c.id",
      "c.created_at",
      "c.campaign_id",
      "cp.name as campaign_name",
      "c.source",
      "c.status",
      knex.raw("c.order_total::text AS order_total"),
      "c.order_currency",
      knex.raw("c.commission_amount::text AS commission_amount"),
      "c.commission_currency",
      knex.raw("CASE WHEN cp.show_order_ids_on_statement THEN c.order_id END AS order_id")
    )
    .orderBy([{ column: "c.created_at", order: "desc" }, { column: "c.id", order: "desc" }])
  return (rows as PartnerConversion[]).map((r) => ({
    ...r,
    order_total: formatAmount(r.order_total, r.order_currency),
    commission_amount: formatAmount(r.commission_amount, r.commission_currency),
  }))
}

/** Whether the conversion is live and its partner asked for a mail per conversion (read for every new one, so prepared). */
  async wantsConversionMail(conversionId: string, sharedContext: Context = {}): Promise<boolean> {
    const rows = await runPrepared(
      this.knex(sharedContext),
      "affiliate_wants_conversion_mail",
      `SELECT 1 FROM affiliate_conversion c JOIN affiliate a ON a.id = c.affiliate_id
        WHERE c.id = $1 AND NOT c.is_test AND ${WANTS_EACH_CONVERSION_MAIL("a")}`,
      [conversionId]
    )
    return rows.length > 0
  }

  /** Per affiliate and currency: live conversions recorded in [from, to) and their commission, for the daily digests. */
  async digestFigures(affiliateIds: string[], from: Date, to: Date, sharedContext: Context = {}): Promise<DigestRow[]> {
  const knex = this.knex(sharedContext)
  if (!affiliateIds.length) return []
  const rows = await knex("affiliate_conversion")
    .whereIn("affiliate_id", affiliateIds)
    .andWhere("created_at", ">=", from)
    .andWhere("created_at", "<", to)
    .andWhere("is_test", false)
    .whereNull("deleted_at")
    .groupBy("affiliate_id", "commission_currency")
    .select("affiliate_id", "commission_currency", knex.raw("count(*)::int AS conversions"), knex.raw("sum(commission_amount)::text AS commission"))
  return (rows as DigestRow[]).map((r) => ({ ...r, commission: formatAmount(r.commission, r.commission_currency) }))
}
}
