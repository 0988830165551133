import type { Context } from "@medusajs/framework/types"
import { insertChanges } from "../sql/conversion-changes"
import { IP_CONVERSIONS_LAST_HOUR, KNOWN_IP, TRUSTED_SIGNALS } from "../sql/signal-facts"
import { SqlRepository } from "../sql/sql-repository"
import { entityId } from "../utils/entity-id"
import type { Signal, SignalCode } from "../utils/fraud-signals"

/** What the store path reads for an affiliate's signals (the S2S call reads the same in its one statement). */
export type SignalContext = { trusted_signals: string[]; known_ip: string | null; ip_conversions_last_hour: number | null }

export type TrustRecord = { id: string; affiliate_id: string; code: string; created_by: string | null; created_at: Date; revoked_at: Date | null; revoked_by: string | null }

/** A conversion as trusting found it, to put back (a compensation). */
type Held = { id: string; signals: Signal[]; flagged: boolean }

export type TrustOutcome = {
  trust: TrustRecord
  /** Pending conversions of the affiliate the signal no longer holds (those it held alone left the review queue). */
  conversions_updated: number
  undo: { created_trust_id: string | null; conversions: Held[]; change_ids: string[] }
}

const TRUST_COLUMNS = ["id", "affiliate_id", "code", "created_by", "created_at", "revoked_at", "revoked_by"]

/*
 * Trust (README, "Trust"): the facts the fraud signals read on the store path, the coupon counts
 * behind `leaked_code`, the IP hashes an affiliate was seen at, and the merchant's decision to
 * trust an affiliate for a signal, which lifts it off their pending conversions with a history row
 * each. Every write here runs in the service's transaction.
 */
export class TrustRepository extends SqlRepository {
  /** The affiliate's trusted signals and, for an IP hash, where they were seen at it and their conversions from it in the last hour. */
  async signalContext(affiliateId: string, ipHash: string | null, sharedContext: Context = {}): Promise<SignalContext> {
    const affiliate = "CAST(:affiliate AS text)"
    const ip = "CAST(:ip AS text)"
    const { rows } = await this.knex(sharedContext).raw(
      `SELECT ${TRUSTED_SIGNALS(affiliate)} AS trusted_signals, ${KNOWN_IP(affiliate, ip)} AS known_ip,
              ${IP_CONVERSIONS_LAST_HOUR(affiliate, ip)} AS ip_conversions_last_hour`,
      { affiliate: affiliateId, ip: ipHash }
    )
    return rows[0]
  }

  /** Counts a coupon conversion on its code's row (sign -1 takes it back); the counts include it. */
  async countCouponUse(promotionRowId: string, withoutClick: boolean, sign: 1 | -1, sharedContext: Context = {}): Promise<void> {
    await this.knex(sharedContext)("affiliate_promotion")
      .where({ id: promotionRowId })
      .update({
        conversions: this.knex(sharedContext).raw("greatest(conversions + ?, 0)", [sign]),
        conversions_without_click: this.knex(sharedContext).raw("greatest(conversions_without_click + ?, 0)", [withoutClick ? sign : 0]),
      })
  }

  /**
   * Notes that the affiliate was seen at an IP hash (their application, a portal login); answers
   * the row and whether this made it (a compensation deletes only a row it made).
   */
  async rememberKnownIp(affiliateId: string, ipHash: string, source: string, sharedContext: Context = {}): Promise<{ id: string; created: boolean }> {
    const { rows } = await this.knex(sharedContext).raw(
      `INSERT INTO affiliate_known_ip (id, affiliate_id, ip_hash, source, last_seen_at) VALUES (?, ?, ?, ?, now())
       ON CONFLICT (affiliate_id, ip_hash) WHERE deleted_at IS NULL DO UPDATE SET source = excluded.source, last_seen_at = now(), updated_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [entityId("akip"), affiliateId, ipHash, source]
    )
    return rows[0]
  }

  /** Deletes a known IP hash (the compensation of one `rememberKnownIp` made). */
  async forgetKnownIp(id: string, sharedContext: Context = {}): Promise<void> {
    await this.knex(sharedContext)("affiliate_known_ip").where({ id }).delete()
  }

  /**
   * Retention: deletes up to `batch` known IP hashes unseen for the longest attribution window of
   * any campaign plus `graceDays` before `now` (as long as an order could still follow a click
   * made from there, and the grace period of a click's details); answers how many.
   */
  async deleteStaleKnownIps(now: Date, graceDays: number, batch: number, sharedContext: Context = {}): Promise<number> {
    const result = await this.knex(sharedContext).raw(
      `DELETE FROM affiliate_known_ip WHERE id IN (
         SELECT id FROM affiliate_known_ip
          WHERE last_seen_at < ?::timestamptz - make_interval(days =>
                  (SELECT coalesce(max(attribution_window_days), 30) FROM affiliate_campaign WHERE deleted_at IS NULL) + ?)
            AND deleted_at IS NULL
          ORDER BY last_seen_at LIMIT ?)`,
      [now, graceDays, batch]
    )
    return result.rowCount ?? 0
  }

  /** The affiliate's trust decisions, the newest first, revoked ones included (their history). */
  async listTrust(affiliateId: string, sharedContext: Context = {}): Promise<TrustRecord[]> {
    return this.knex(sharedContext)("affiliate_trust")
      .where({ affiliate_id: affiliateId })
      .whereNull("deleted_at")
      .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
      .select(TRUST_COLUMNS)
  }

  /**
   * Trusts the affiliate for a signal (a repeat keeps the trust already given), and lifts it off
   * their pending conversions under row locks: each loses the signal, leaves the review queue when
   * it had no other, and gets a history row saying who trusted and for what.
   */
  async trust(affiliateId: string, code: SignalCode, actor: string, sharedContext: Context = {}): Promise<TrustOutcome> {
    const knex = this.knex(sharedContext)
    const id = entityId("atrs")
    const inserted = await knex.raw(
      `INSERT INTO affiliate_trust (id, affiliate_id, code, created_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (affiliate_id, code) WHERE revoked_at IS NULL AND deleted_at IS NULL DO NOTHING RETURNING id`,
      [id, affiliateId, code, actor]
    )
    const [trust] = await knex("affiliate_trust")
      .where({ affiliate_id: affiliateId, code })
      .whereNull("revoked_at")
      .whereNull("deleted_at")
      .select(TRUST_COLUMNS)
    // The review queue's index holds the candidates: flagged and pending.
    const { rows: held } = await knex.raw(
      `SELECT id, signals, flagged FROM affiliate_conversion
        WHERE flagged = true AND status = 'pending' AND deleted_at IS NULL AND affiliate_id = ? AND signals @> ?::jsonb
        ORDER BY id FOR UPDATE`,
      [affiliateId, JSON.stringify([{ code }])]
    )
    const changeIds: string[] = []
    for (const row of held as Held[]) {
      const left = row.signals.filter((s) => s.code !== code)
      await knex("affiliate_conversion").where({ id: row.id }).update({ signals: JSON.stringify(left), flagged: left.length > 0, updated_at: knex.fn.now() })
      const names = (signals: Signal[]) => (signals.length ? signals.map((s) => s.code).join(", ") : null)
      changeIds.push(
        ...(await insertChanges(knex, row.id, actor, [
          { field: "signals", from: names(row.signals), to: names(left), reason: `affiliate trusted for ${code}` },
        ]))
      )
    }
    return {
      trust,
      conversions_updated: held.length,
      undo: { created_trust_id: inserted.rows.length ? id : null, conversions: held, change_ids: changeIds },
    }
  }

  /** Takes back `trust` (a compensation): the conversions' signals, their history rows, the trust it created. */
  async undoTrust(undo: TrustOutcome["undo"], sharedContext: Context = {}): Promise<void> {
    const knex = this.knex(sharedContext)
    for (const row of undo.conversions) {
      await knex("affiliate_conversion").where({ id: row.id }).update({ signals: JSON.stringify(row.signals), flagged: row.flagged })
    }
    if (undo.change_ids.length) await knex("affiliate_conversion_change").whereIn("id", undo.change_ids).delete()
    if (undo.created_trust_id) await knex("affiliate_trust").where({ id: undo.created_trust_id }).delete()
  }

  /** Ends the affiliate's trust for a signal (later conversions raise it again); the revoked row, or null when there was none. */
  async revoke(affiliateId: string, code: string, actor: string, sharedContext: Context = {}): Promise<TrustRecord | null> {
    const knex = this.knex(sharedContext)
    const [row] = await knex("affiliate_trust")
      .where({ affiliate_id: affiliateId, code })
      .whereNull("revoked_at")
      .whereNull("deleted_at")
      .update({ revoked_at: knex.fn.now(), revoked_by: actor, updated_at: knex.fn.now() }, TRUST_COLUMNS)
    return row ?? null
  }

  /** Takes back `revoke` (a compensation). */
  async unrevoke(id: string, sharedContext: Context = {}): Promise<void> {
    await this.knex(sharedContext)("affiliate_trust").where({ id }).update({ revoked_at: null, revoked_by: null })
  }
}
