import type { Context, Logger } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { decryptApiKey, encryptApiKey } from "../../lib/api-key"
import { WEBHOOK_DISABLE_AFTER } from "../../lib/webhooks"
import { generateClickToken } from "./utils/click-token"
import { detectDevice } from "./utils/device"
import { hashIp } from "./utils/ip-hash"
import { chooseDestination } from "./utils/redirect"
import { clickExpiry, DAY_MS } from "./utils/time"
import { Affiliate } from "./models/affiliate"
import { AffiliateApiKey } from "./models/api-key"
import { AffiliateAttribution } from "./models/attribution"
import { AffiliateCampaign } from "./models/campaign"
import { AffiliateClick } from "./models/click"
import { AffiliateCommissionAdjustment } from "./models/commission-adjustment"
import { AffiliateConversion } from "./models/conversion"
import { AffiliateConversionChange } from "./models/conversion-change"
import { AffiliateErasure } from "./models/erasure"
import { AffiliateOutboundAttempt } from "./models/outbound-attempt"
import { AffiliateOutboundDelivery } from "./models/outbound-delivery"
import { AffiliatePayout } from "./models/payout"
import { AffiliatePayoutLine } from "./models/payout-line"
import { AffiliatePromotion } from "./models/promotion"
import { AffiliateRequestLog } from "./models/request-log"
import { AffiliateRetentionRun } from "./models/retention-run"
import { AffiliateStatementLink } from "./models/statement-link"
import { AffiliateApplication } from "./models/application"
import { AffiliateEnrollment } from "./models/enrollment"
import { AffiliatePayoutDetails } from "./models/payout-details"
import { AffiliateProgramSettings } from "./models/program-settings"
import { AffiliateWebhook } from "./models/webhook"
import { RATE_LIMIT_REGISTRATION } from "./loaders/boot"
import { AffiliatePluginOptions, resolveOptions, ResolvedAffiliateOptions } from "./options"
import { countFilteredClick, findClickTarget, insertClick } from "./queries/click"
import { recordConversion, undoRecordedConversion } from "./queries/conversion"
import { eraseShopperData } from "./queries/erasure"
import { exportBatch } from "./queries/export"
import { listPage } from "./queries/list-page"
import { claimDeliveries, recordWebhookOutcome } from "./queries/outbound"
import { foldDailyStats, series, totals } from "./queries/reporting"
import { insertRequestLog } from "./queries/request-log"
import { clearClickDetailsExpiredBefore, deleteRequestLogsBefore } from "./queries/retention"
import { findS2sContext } from "./queries/s2s-context"
import {
  affiliatePayouts,
  findStatementAffiliate,
  liveStatementLink,
  partnerConversions,
  digestFigures,
  restoreStatementLinks,
  revokeStatementLinks,
  rotateStatementLink,
  statementConversions,
} from "./queries/statement"
import { createRateLimit, RateLimit } from "./rate-limit"
import type { ConversionStatusRepository } from "./repositories/conversion-status"
import type { OrderRevisionRepository, RevisionUndo } from "./repositories/order-revisions"
import type { PayoutRepository } from "./repositories/payouts"
import type { StatusPlan, StatusRequest } from "./utils/conversion-status"
import type {
  AffiliateFigures,
  Balance,
  BalanceFilter,
  CampaignTotals,
  ClaimedDelivery,
  ClickOutcome,
  ClickRequest,
  ConversionInsert,
  ErasureRequest,
  ExportBatch,
  ExportRequest,
  ListPage,
  ListPageRequest,
  ListTable,
  RecordedConversion,
  RecordedLogInput,
  RequestLogInput,
  PayoutLineDetail,
  PayoutRequest,
  PayoutWithLines,
  DigestRow,
  PartnerConversion,
  PayoutDetailsPlain,
  ProgramSettings,
  S2sContext,
  SeriesPoint,
  StatementAffiliate,
  StatementConversion,
  StatementPayout,
} from "./types"

const SUB_MAX = 255
const DEFAULT_PROGRAM_SETTINGS = { applications_open: false, auto_approve: false, terms_url: null, application_campaign_ids: [] as string[] }

/**
 * The only way into the affiliate tables: generated CRUD for the models, plus the methods below
 * for the hot paths (S2S conversions, link clicks), the request log, the outbox and reporting,
 * whose SQL lives in ./queries. Every method takes Medusa's shared context, so a call made with a
 * transaction (another method's, or a caller's) runs inside it.
 *
 * The hot paths use `@InjectManager` (no transaction of their own) on purpose: each runs a single
 * statement, which Postgres makes atomic, and a BEGIN/COMMIT pair would add two round trips to
 * every S2S call and click.
 */
// Keys are the models' own names: Query calls `list<Model>s` for an entity, so the generated
// methods must be named after the models (listAffiliateCampaigns), not after shorter aliases.
class AffiliateModuleService extends MedusaService({
  AffiliateCampaign,
  Affiliate,
  AffiliateApiKey,
  AffiliateClick,
  AffiliateConversion,
  AffiliateConversionChange,
  AffiliateRequestLog,
  AffiliateAttribution,
  AffiliateOutboundDelivery,
  AffiliateOutboundAttempt,
  AffiliateCommissionAdjustment,
  AffiliateRetentionRun,
  AffiliateErasure,
  AffiliatePromotion,
  AffiliatePayout,
  AffiliatePayoutLine,
  AffiliateStatementLink,
  AffiliateProgramSettings,
  AffiliateApplication,
  AffiliateEnrollment,
  AffiliatePayoutDetails,
  AffiliateWebhook,
}) {
  protected readonly options_: ResolvedAffiliateOptions
  protected readonly rateLimit_: RateLimit
  protected readonly conversionStatus_: ConversionStatusRepository
  protected readonly payouts_: PayoutRepository
  protected readonly orderRevisions_: OrderRevisionRepository

  constructor(container: Record<string, unknown>, options: AffiliatePluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolveOptions(options)
    this.conversionStatus_ = container.conversionStatusRepository as ConversionStatusRepository
    this.payouts_ = container.payoutRepository as PayoutRepository
    this.orderRevisions_ = container.orderRevisionRepository as OrderRevisionRepository
    // Chosen by the module's loader at boot (Redis or this process); a container without it (a
    // test that builds the service alone) keeps the limit in memory.
    this.rateLimit_ = registered<RateLimit>(container, RATE_LIMIT_REGISTRATION) ?? createRateLimit(this.options_, undefined, console as unknown as Logger)
  }

  /** Medusa calls these on shutdown: the limiter's Redis connection is closed with the app. */
  __hooks = { onApplicationShutdown: async () => this.rateLimit_.close() }

  getOptions(): ResolvedAffiliateOptions {
    return this.options_
  }

  /**
   * Encrypts a secret for storage with the plugin's current key (AES-256-GCM). Every secret the
   * plugin keeps goes through this pair, so nothing outside the module reads the key.
   */
  encryptSecret(plain: string): string {
    return encryptApiKey(plain, this.options_.encryptionKey)
  }

  /** Opens what `encryptSecret` stored, with the current key or an earlier one; throws a MedusaError when none opens it. */
  decryptSecret(ciphertext: string): string {
    try {
      return decryptApiKey(ciphertext, this.options_.decryptionKeys)
    } catch {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "A stored secret cannot be decrypted with the configured encryption keys")
    }
  }

  /** A keyed hash of a visitor's IP (never the IP itself), as clicks and conversions keep it. */
  hashVisitorIp(ip: string | undefined | null): string | null {
    return hashIp(ip, this.options_.encryptionKey)
  }

  /** The partner program's settings: the stored row, or the defaults (closed) before an admin saved any. */
  async retrieveProgramSettings(sharedContext: Context = {}): Promise<ProgramSettings> {
    const [row] = await this.listAffiliateProgramSettings({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
    return row
      ? { id: row.id, applications_open: row.applications_open, auto_approve: row.auto_approve, terms_url: row.terms_url, application_campaign_ids: row.application_campaign_ids as string[] }
      : { id: null, ...DEFAULT_PROGRAM_SETTINGS }
  }

  /** Counts one S2S call against its key's limit: 0 when accepted, else the seconds to wait (README, "Rate limit"). */
  async takeRateLimit(keyHash: string): Promise<number> {
    return this.rateLimit_.take(keyHash)
  }

  /** The key's campaign and the token's click, or null for a missing, expired or deleted key. */
  @InjectManager()
  async findS2sContext(keyHash: string, clickToken: string, @MedusaContext() sharedContext: Context = {}): Promise<S2sContext | null> {
    return findS2sContext(knexOf(sharedContext), keyHash, clickToken)
  }

  /** Records a conversion once per campaign and order, with its request-log entry (one statement). */
  @InjectManager()
  async recordConversion(
    row: ConversionInsert,
    log: RecordedLogInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedConversion> {
    return recordConversion(knexOf(sharedContext), row, log)
  }

  /** Takes back a `recordConversion`: the row it created or the repeat it counted, and its log entry. */
  @InjectTransactionManager()
  async undoRecordedConversion(recorded: RecordedConversion, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await undoRecordedConversion(knexOf(sharedContext), recorded)
  }

  /** Appends one entry to the request log; returns its id. */
  @InjectManager()
  async logRequest(entry: RequestLogInput, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    return insertRequestLog(knexOf(sharedContext), entry)
  }

  /**
   * Records one visit through an affiliate link, for the redirect link and the storefront's
   * `POST /store/affiliate/clicks`. Paused partners and crawlers still reach the store, but earn
   * no click and no token.
   */
  @InjectManager()
  async recordClick(click: ClickRequest, @MedusaContext() sharedContext: Context = {}): Promise<ClickOutcome> {
    const knex = knexOf(sharedContext)
    const target = await findClickTarget(knex, click.campaign, click.affiliate_code)
    if (!target.campaign_id) return { result: "unknown_campaign", message: "Unknown campaign" }
    if (!target.affiliate_id) return { result: "unknown_affiliate", message: "Unknown affiliate" }

    const destination = chooseDestination(target.target_url!, click.deep_link ?? undefined, target.allowed_redirect_hosts ?? [])
    const deviceType = detectDevice(click.user_agent)
    if (target.campaign_status !== "active" || target.affiliate_status !== "active") return { result: "not_billable", destination }
    if (deviceType === "bot") {
      // No click and no token, but the admin sees how much of the link's traffic was crawlers.
      await countFilteredClick(knex, target.campaign_id, target.affiliate_id)
      return { result: "not_billable", destination }
    }
    const clickToken = generateClickToken()
    const expiresAt = clickExpiry(new Date(), target.attribution_window_days!)
    await insertClick(knex, {
      click_token: clickToken,
      campaign_id: target.campaign_id,
      affiliate_id: target.affiliate_id,
      subs: [0, 1, 2, 3, 4].map((i) => click.subs[i]?.slice(0, SUB_MAX) || null),
      landing_url: destination.href,
      referrer: click.referrer ?? null,
      user_agent: click.user_agent ?? null,
      device_type: deviceType,
      ip_hash: hashIp(click.ip, this.options_.encryptionKey),
      expires_at: expiresAt,
    })
    const windowMs = target.attribution_window_days! * DAY_MS
    return { result: "recorded", destination, click_token: clickToken, expires_at: expiresAt, window_ms: windowMs }
  }

  /** Claims due outbound deliveries (or the given ones) for this worker, with a lease. */
  @InjectManager()
  async claimOutboundDeliveries(
    now: Date,
    deliveryIds: string[] | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedDelivery[]> {
    return claimDeliveries(knexOf(sharedContext), now, deliveryIds)
  }

  /** Counts a webhook delivery's final outcome; the 20th failure in a row disables the webhook with `reason`. */
  @InjectManager()
  async recordWebhookOutcome(webhookId: string, delivered: boolean, reason: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await recordWebhookOutcome(knexOf(sharedContext), webhookId, delivered, reason, WEBHOOK_DISABLE_AFTER)
  }

  /** One page of a table that grows with traffic, newest first, with its total (exact or estimated). */
  @InjectManager()
  async listPage(table: ListTable, request: ListPageRequest, @MedusaContext() sharedContext: Context = {}): Promise<ListPage> {
    return listPage(knexOf(sharedContext), table, request)
  }

  /** One retention batch: deletes up to `batch` request-log rows older than `before`; answers how many. */
  @InjectManager()
  async deleteRequestLogsBefore(before: Date, batch: number, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return deleteRequestLogsBefore(knexOf(sharedContext), before, batch)
  }

  /** One retention batch: clears the visitor details of up to `batch` clicks whose window ended before `expiredBefore`. */
  @InjectManager()
  async clearClickDetailsExpiredBefore(expiredBefore: Date, batch: number, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return clearClickDetailsExpiredBefore(knexOf(sharedContext), expiredBefore, batch)
  }

  /**
   * Erases what the plugin holds about one shopper's orders and carts, keeping the amounts an
   * affiliate is owed, and records the erasure (counts only); one transaction, so an erasure is
   * whole and logged, or not done at all.
   */
  @InjectTransactionManager()
  async eraseShopper(request: ErasureRequest, @MedusaContext() sharedContext: Context = {}) {
    const counts = await eraseShopperData(knexOf(sharedContext), request.order_ids, request.cart_ids)
    return this.createAffiliateErasures(
      { scope: request.scope, requested_by: request.requested_by, orders_matched: request.orders_matched, ...counts },
      sharedContext
    )
  }

  /** Moves the rollup deltas the triggers appended into the daily rollups; answers how many it moved. */
  @InjectTransactionManager()
  async foldDailyStats(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    return foldDailyStats(knexOf(sharedContext))
  }

  /** Clicks, live conversions and commission per currency, for the given campaigns or all; from the rollups. */
  @InjectManager()
  async campaignTotals(campaignIds: string[] | undefined, @MedusaContext() sharedContext: Context = {}): Promise<CampaignTotals[]> {
    const byCampaign = await totals(knexOf(sharedContext), "campaign_id", { campaign_ids: campaignIds })
    return [...byCampaign].map(([campaign_id, t]) => ({ campaign_id, ...t }))
  }

  /** One point per UTC day for the last `days` days, the oldest first; from the rollups. */
  @InjectManager()
  async campaignSeries(campaignId: string, days: number, @MedusaContext() sharedContext: Context = {}): Promise<SeriesPoint[]> {
    return series(knexOf(sharedContext), { campaign_ids: [campaignId] }, days)
  }
  /** One UTC day per point for the last `days` days, the oldest first, for an affiliate; from the rollups. */
  @InjectManager()
  async affiliateFigures(affiliateId: string, days: number, @MedusaContext() sharedContext: Context = {}): Promise<AffiliateFigures> {
    const knex = knexOf(sharedContext)
    const scope = { affiliate_ids: [affiliateId] }
    const [byAffiliate, points, owed] = await Promise.all([
      totals(knex, "affiliate_id", scope),
      series(knex, scope, days),
      this.payouts_.balances(scope, sharedContext),
    ])
    return {
      days,
      totals: byAffiliate.get(affiliateId) ?? { clicks: 0, filtered_clicks: 0, conversions: 0, commission: [] },
      series: points,
      balance: owed.map(({ currency_code, amount }) => ({ currency_code, amount })),
    }
  }

  /** Approved conversions and adjustments not yet in a payout, per affiliate and currency (non-zero only). */
  @InjectManager()
  async listBalances(filter: BalanceFilter, @MedusaContext() sharedContext: Context = {}): Promise<Balance[]> {
    return this.payouts_.balances(filter, sharedContext)
  }

  /**
   * A payout per affiliate and currency with a positive balance of at least the minimum; answers
   * their ids. `actor` goes into each conversion's history ("user:<id>", or "system").
   */
  @InjectTransactionManager()
  async createPayouts(request: PayoutRequest, actor = "system", @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return this.payouts_.createPayouts(request, actor, sharedContext)
  }

  /** Takes back `createPayouts`: the payouts and their lines. */
  @InjectTransactionManager()
  async deletePayouts(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.payouts_.deletePayouts(ids, sharedContext)
  }

  /** Payouts with their lines, each line with what it pays for. */
  @InjectManager()
  async retrievePayoutsWithLines(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<PayoutWithLines[]> {
    return this.payouts_.withLines(ids, sharedContext)
  }

  /** One batch of a payout's lines after the line `after` (exports page through them). */
  @InjectManager()
  async listPayoutLines(payoutId: string, after: string | undefined, limit: number, @MedusaContext() sharedContext: Context = {}): Promise<PayoutLineDetail[]> {
    return this.payouts_.lines({ payout_ids: [payoutId], after, limit }, sharedContext)
  }

  /** Marks an open payout paid and its conversions `paid`; null when it is not open. */
  @InjectTransactionManager()
  async markPayoutPaid(id: string, reference: string, actor = "system", @MedusaContext() sharedContext: Context = {}) {
    return this.payouts_.markPaid(id, reference, new Date(), actor, sharedContext)
  }

  /** Takes back `markPayoutPaid`. */
  @InjectTransactionManager()
  async reopenPayout(id: string, conversionIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.payouts_.reopen(id, conversionIds, sharedContext)
  }

  /**
   * Approves or rejects one conversion in a transaction of its own, on its row lock, with its
   * history: the plan it applied, or why it changed nothing (`utils/conversion-status.ts` has the
   * rules). Null for an unknown conversion.
   */
  @InjectTransactionManager()
  async changeConversionStatus(
    id: string,
    request: StatusRequest,
    actor: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StatusPlan | null> {
    return this.conversionStatus_.changeStatus(id, request, actor, sharedContext)
  }

  /** Takes back a review of a pending conversion (a compensation). */
  @InjectTransactionManager()
  async reopenReviewedConversion(id: string, reviewedTo: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.conversionStatus_.reopenReviewed(id, reviewedTo, sharedContext)
  }

  /**
   * A Medusa order was canceled or (partly) refunded: its conversions are reversed or their
   * commission recomputed, in one transaction on their row locks, each change in their history
   * (actor "store"). Answers what a compensation needs to put it back.
   */
  @InjectTransactionManager()
  async reviseOrderConversions(
    orderId: string,
    { refunded_total, canceled }: { refunded_total: string; canceled: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RevisionUndo> {
    return this.orderRevisions_.reviseOrder(orderId, refunded_total, canceled, "store", sharedContext)
  }

  /** Takes back `reviseOrderConversions`. */
  @InjectTransactionManager()
  async restoreOrderRevisions(undo: RevisionUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.orderRevisions_.restore(undo, sharedContext)
  }

  /** One batch of pending conversions past their campaign's hold period, approved; answers their ids. */
  @InjectManager()
  async approveHeldConversions(now: Date, batch: number, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return this.conversionStatus_.approveHeld(now, batch, sharedContext)
  }

  /** Takes back hold-period approvals (those not moved since). */
  @InjectTransactionManager()
  async reopenApprovedConversions(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.conversionStatus_.reopenApproved(ids, sharedContext)
  }

  /** One batch of an export, newest first, after the batch `request.after` ended. */
  @InjectManager()
  async exportBatch(request: ExportRequest, @MedusaContext() sharedContext: Context = {}): Promise<ExportBatch> {
    return exportBatch(knexOf(sharedContext), request)
  }

  /** Ends the affiliate's statement link (if any) and starts one for the token hash. */
  @InjectTransactionManager()
  async rotateStatementLink(affiliateId: string, tokenHash: string, @MedusaContext() sharedContext: Context = {}) {
    return rotateStatementLink(knexOf(sharedContext), affiliateId, tokenHash)
  }

  /** Ends the affiliate's statement link; answers the ids it ended. */
  @InjectTransactionManager()
  async revokeStatementLink(affiliateId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return revokeStatementLinks(knexOf(sharedContext), affiliateId)
  }

  /** Takes back a rotation or a revocation. */
  @InjectTransactionManager()
  async restoreStatementLinks(undo: { created_id?: string | null; revoked_ids: string[] }, @MedusaContext() sharedContext: Context = {}) {
    await restoreStatementLinks(knexOf(sharedContext), undo)
  }

  /** When the affiliate's live statement link was made, or null. */
  @InjectManager()
  async retrieveStatementLink(affiliateId: string, @MedusaContext() sharedContext: Context = {}) {
    return liveStatementLink(knexOf(sharedContext), affiliateId)
  }

  /** The affiliate behind a live statement token's hash, or null. */
  @InjectManager()
  async findStatementAffiliate(tokenHash: string, @MedusaContext() sharedContext: Context = {}): Promise<StatementAffiliate | null> {
    return findStatementAffiliate(knexOf(sharedContext), tokenHash)
  }

  /** A page of a partner's live conversions, newest first, by the conversions' (affiliate_id, created_at) index; `after` is the previous page's cursor. */
  @InjectManager()
  async listPartnerConversions(
    affiliateId: string,
    page: { limit: number; after?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ conversions: PartnerConversion[]; next_cursor: string | null }> {
    const knex = knexOf(sharedContext)
    const { ids, next_cursor } = await listPage(knex, "affiliate_conversion", { filters: { affiliate_id: affiliateId, is_test: false }, ...page })
    return { conversions: await partnerConversions(knex, ids), next_cursor }
  }

  /** Live conversions per affiliate and currency recorded in [from, to), for the daily digests. */
  @InjectManager()
  async listDigestFigures(affiliateIds: string[], from: Date, to: Date, @MedusaContext() sharedContext: Context = {}): Promise<DigestRow[]> {
    return digestFigures(knexOf(sharedContext), affiliateIds, from, to)
  }

  /** The partner's payout details, decrypted (for the admin's payout page and the partner's own portal), or null. */
  async retrievePayoutDetails(affiliateId: string, sharedContext: Context = {}): Promise<(PayoutDetailsPlain & { updated_at: Date }) | null> {
    const [row] = await this.listAffiliatePayoutDetails({ affiliate_id: affiliateId }, {}, sharedContext)
    if (!row) return null
    return { ...(JSON.parse(this.decryptSecret(row.details_ciphertext)) as PayoutDetailsPlain), method: row.method, updated_at: row.updated_at }
  }

  /** The affiliate's latest conversions since `since` and latest payouts, as the statement shows them. */
  @InjectManager()
  async statementActivity(
    affiliateId: string,
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ conversions: StatementConversion[]; payouts: StatementPayout[] }> {
    const knex = knexOf(sharedContext)
    const [conversions, payouts] = await Promise.all([
      statementConversions(knex, affiliateId, since, STATEMENT_ROWS),
      affiliatePayouts(knex, affiliateId, STATEMENT_ROWS),
    ])
    return { conversions, payouts }
  }
}

/** What the module's loader registered, or undefined outside a booted module. */
function registered<T>(container: Record<string, unknown>, name: string): T | undefined {
  try {
    return container[name] as T | undefined
  } catch {
    return undefined
  }
}

/** How many conversions and payouts a statement lists. */
const STATEMENT_ROWS = 50

/** The caller's transaction when there is one, else the pool. */
function knexOf(sharedContext: Context): Knex {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
  return (manager.getTransactionContext() ?? manager.getKnex()) as Knex
}

export default AffiliateModuleService
