import type { Context, IEventBusModuleService, Logger } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MathBN,
  Modules,
  MedusaService,
  type MedusaServiceReturnType,
  type ModelConfigurationsToConfigTemplate,
} from "@medusajs/framework/utils"
import { generateClickToken } from "./utils/click-token"
import { detectDevice } from "./utils/device"
import { hashIp, hashVisitor } from "./utils/ip-hash"
import { isLinkPreview, referrerHost, UNKNOWN } from "./utils/visit"
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
import { AffiliateConversionItem } from "./models/conversion-item"
import { AffiliateErasure } from "./models/erasure"
import { AffiliateOutboundAttempt } from "./models/outbound-attempt"
import { AffiliateOutboundDelivery } from "./models/outbound-delivery"
import { AffiliatePayout } from "./models/payout"
import { AffiliatePayoutLine } from "./models/payout-line"
import { AffiliatePromotion } from "./models/promotion"
import { AffiliateRequestLog } from "./models/request-log"
import { AffiliateRetentionRun } from "./models/retention-run"
import { AffiliateStatementLink } from "./models/statement-link"
import { AffiliateTrust } from "./models/trust"
import { AffiliateKnownIp } from "./models/known-ip"
import { AffiliateApplication } from "./models/application"
import { AffiliateEnrollment } from "./models/enrollment"
import { AffiliatePayoutDetails } from "./models/payout-details"
import { AffiliateProgramSettings } from "./models/program-settings"
import { AffiliateWebhook } from "./models/webhook"
import { RATE_LIMIT_REGISTRATION } from "./loaders/boot"
import { type AffiliatePluginOptions, type AffiliateSettings, resolveOptions, type ResolvedAffiliateOptions } from "./options"
import { reencryptStoredSecrets, type ReencryptResult, restoreStoredSecrets } from "./secrets/reencrypt"
import { sendDeliveries, type SentDelivery } from "./outbox/send-deliveries"
import { apiKeyPrefix, generateApiKey, hashApiKey } from "./utils/api-key"
import { SecretBox } from "./utils/secret-box"
import { WEBHOOK_DISABLE_AFTER } from "./utils/webhooks"
import { createRateLimit, RateLimit } from "./rate-limit"
import { recordOrderSale, type OrderSale, type RecordedOrder } from "./conversions/record-order"
import { recordS2sCall, type S2sCall } from "./conversions/record-s2s-call"
import { RecentConversionListeners } from "./conversions/listeners"
import { listS2sCall, type S2sKeyCall, validateS2sCall } from "./conversions/s2s-key-calls"
import { type ApplyChunk, validateEach, type ValidationRequest, type ValidationSummary } from "./conversions/validate-conversions"
import { priceSale } from "./conversions/price-sale"
import { type CommissionRule, type ConversionCommission, type CustomerType, priceConversion, type SoldItem } from "./utils/commission"
import { sumAmounts } from "./utils/money"
import type { ConversionLedgerRepository, EntryResult, ValidationChunkEntry } from "./repositories/conversion-ledger"
import type { OrderRevisionRepository, RevisionUndo } from "./repositories/order-revisions"
import type { OutboxRepository } from "./repositories/outbox"
import type { PayoutRepository } from "./repositories/payouts"
import type { PrivacyRepository } from "./repositories/privacy"
import type { ReportingRepository } from "./repositories/reporting"
import type { StatementRepository } from "./repositories/statements"
import type { LiveClick, TrackingRepository } from "./repositories/tracking"
import type { TrustOutcome, TrustRecord, TrustRepository } from "./repositories/trust"
import type { S2sAnswer } from "./utils/s2s-answers"
import { AffiliateEvents } from "./events"
import type { StatusPlan, StatusRequest } from "./utils/conversion-status"
import type { SignalCode } from "./utils/fraud-signals"
import type {
  DigestRow,
  PartnerConversion,
  PayoutDetailsPlain,
  ProgramSettings,
  AffiliateFigures,
  BreakdownDimension,
  BreakdownRow,
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
  S2sContext,
  SeriesPoint,
  StatementAffiliate,
  StatementConversion,
  StatementPayout,
  ShopConversion,
} from "./types"

const SUB_MAX = 255
const DEFAULT_PROGRAM_SETTINGS = { applications_open: false, auto_approve: false, terms_url: null, application_campaign_ids: [] as string[] }

/**
 * The models the generated CRUD covers, written out by name so the published declarations refer to
 * the models instead of spelling out every model's inferred type again (inferred, service.d.ts
 * alone was 1.05 MB). Keys are the models' own names: Query calls `list<Model>s` for an entity, so
 * the generated methods must be named after the models (listAffiliateCampaigns), not after
 * shorter aliases.
 */
export type AffiliateModels = {
  AffiliateCampaign: typeof AffiliateCampaign
  Affiliate: typeof Affiliate
  AffiliateApiKey: typeof AffiliateApiKey
  AffiliateClick: typeof AffiliateClick
  AffiliateConversion: typeof AffiliateConversion
  AffiliateConversionChange: typeof AffiliateConversionChange
  AffiliateConversionItem: typeof AffiliateConversionItem
  AffiliateRequestLog: typeof AffiliateRequestLog
  AffiliateAttribution: typeof AffiliateAttribution
  AffiliateOutboundDelivery: typeof AffiliateOutboundDelivery
  AffiliateOutboundAttempt: typeof AffiliateOutboundAttempt
  AffiliateCommissionAdjustment: typeof AffiliateCommissionAdjustment
  AffiliateRetentionRun: typeof AffiliateRetentionRun
  AffiliateErasure: typeof AffiliateErasure
  AffiliatePromotion: typeof AffiliatePromotion
  AffiliatePayout: typeof AffiliatePayout
  AffiliatePayoutLine: typeof AffiliatePayoutLine
  AffiliateStatementLink: typeof AffiliateStatementLink
  AffiliateTrust: typeof AffiliateTrust
  AffiliateKnownIp: typeof AffiliateKnownIp
  AffiliateProgramSettings: typeof AffiliateProgramSettings
  AffiliateApplication: typeof AffiliateApplication
  AffiliateEnrollment: typeof AffiliateEnrollment
  AffiliatePayoutDetails: typeof AffiliatePayoutDetails
  AffiliateWebhook: typeof AffiliateWebhook
}
const MODELS: AffiliateModels = {
  AffiliateCampaign,
  Affiliate,
  AffiliateApiKey,
  AffiliateClick,
  AffiliateConversion,
  AffiliateConversionChange,
  AffiliateConversionItem,
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
  AffiliateTrust,
  AffiliateKnownIp,
  AffiliateProgramSettings,
  AffiliateApplication,
  AffiliateEnrollment,
  AffiliatePayoutDetails,
  AffiliateWebhook,
}
const AffiliateServiceBase: MedusaServiceReturnType<ModelConfigurationsToConfigTemplate<AffiliateModels>> = MedusaService(MODELS)

/**
 * The affiliate module: generated CRUD for the models, plus the methods below. Recording a
 * conversion from either path (`recordS2sConversion`, `recordOrderConversions`, in ./conversions),
 * every change of its status or amounts (`changeConversionStatus`, `validateConversions`, payouts,
 * cancels and refunds), the API keys and every other secret, the click hot path, reporting and
 * privacy. Their SQL lives in the repository classes of ./repositories, which Medusa injects (the
 * rollups' triggers and fold in ./sql/rollups.ts); the rules they follow in ./utils. Every method
 * takes Medusa's shared context, so a call made with a transaction (another method's, or a
 * caller's) runs inside it.
 *
 * The two hot paths (`recordS2sConversion`, `recordClick`) take no manager and no transaction of
 * their own, on purpose: each runs its prepared statements on the pool (or on the caller's
 * transaction, when given one), the write being one statement, which Postgres makes atomic. A
 * BEGIN/COMMIT pair would add two round trips to every S2S call and click, and `@InjectManager`
 * would fork an entity manager that raw SQL never uses (measured in `npm run bench`).
 */
class AffiliateModuleService extends AffiliateServiceBase {
  protected readonly options_: ResolvedAffiliateOptions
  protected readonly rateLimit_: RateLimit
  protected readonly logger_: Logger
  /** Medusa's event bus, which it registers in every module's container. */
  protected readonly eventBus_: IEventBusModuleService | undefined
  protected readonly secrets_: SecretBox
  protected readonly ledger_: ConversionLedgerRepository
  protected readonly payouts_: PayoutRepository
  protected readonly orderRevisions_: OrderRevisionRepository
  protected readonly tracking_: TrackingRepository
  /** What the S2S path's conversions' subscribers need to know, known when they were recorded (conversions/listeners.ts). */
  protected readonly recentListeners_ = new RecentConversionListeners()
  protected readonly reporting_: ReportingRepository
  protected readonly statements_: StatementRepository
  protected readonly privacy_: PrivacyRepository
  protected readonly outbox_: OutboxRepository
  protected readonly trust_: TrustRepository

  constructor(container: Record<string, unknown>, options: AffiliatePluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolveOptions(options)
    this.secrets_ = new SecretBox(this.options_.encryptionKey, this.options_.decryptionKeys)
    this.logger_ = registered<Logger>(container, "logger") ?? (console as unknown as Logger)
    this.eventBus_ = registered<IEventBusModuleService>(container, Modules.EVENT_BUS)
    this.ledger_ = container.conversionLedgerRepository as ConversionLedgerRepository
    this.payouts_ = container.payoutRepository as PayoutRepository
    this.orderRevisions_ = container.orderRevisionRepository as OrderRevisionRepository
    this.tracking_ = container.trackingRepository as TrackingRepository
    this.reporting_ = container.reportingRepository as ReportingRepository
    this.statements_ = container.statementRepository as StatementRepository
    this.privacy_ = container.privacyRepository as PrivacyRepository
    this.outbox_ = container.outboxRepository as OutboxRepository
    this.trust_ = container.trustRepository as TrustRepository
    // Chosen by the module's loader at boot (Redis or this process); a container without it (a
    // test that builds the service alone) keeps the limit in memory.
    this.rateLimit_ = registered<RateLimit>(container, RATE_LIMIT_REGISTRATION) ?? createRateLimit(this.options_, undefined, console as unknown as Logger)
  }

  /** Medusa calls these on shutdown: the limiter's Redis connection is closed with the app. */
  __hooks = { onApplicationShutdown: async () => this.rateLimit_.close() }

  /** The plugin's settings, without the encryption keys: no caller outside the module sees key material. */
  getOptions(): AffiliateSettings {
    const { encryptionKey: _current, decryptionKeys: _all, ...settings } = this.options_
    return settings
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

  /** A page of a partner's live conversions, newest first, by the conversions' (affiliate_id, created_at) index; `after` is the previous page's cursor. */
  @InjectManager()
  async listPartnerConversions(
    affiliateId: string,
    page: { limit: number; after?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ conversions: PartnerConversion[]; next_cursor: string | null }> {
    const { ids, next_cursor } = await this.reporting_.listPage("affiliate_conversion", { filters: { affiliate_id: affiliateId, is_test: false }, ...page, count: false }, sharedContext)
    return { conversions: await this.statements_.partnerConversions(ids, sharedContext), next_cursor }
  }

  /**
   * What an event's subscribers check before running a workflow: most conversions of a busy store
   * go to no webhook and mail no partner, and a workflow run for nothing costs the S2S path about
   * four fifths of its throughput where subscribers run in the server (README, "Performance"). For
   * a conversion an S2S call created in this process (`id`), the call's own read answered already.
   */
  async hasWebhooksFor(type: string, id: string, sharedContext: Context = {}): Promise<boolean> {
    const known = type === AffiliateEvents.CONVERSION_CREATED ? this.recentListeners_.get(id) : undefined
    return known ? known.webhooks : this.outbox_.webhookListens(type, sharedContext)
  }

  /** Whether a new conversion calls for a mail: live, and its partner wants one per conversion. */
  async wantsConversionMail(conversionId: string, sharedContext: Context = {}): Promise<boolean> {
    const known = this.recentListeners_.get(conversionId)
    return known ? known.partner_mail : this.statements_.wantsConversionMail(conversionId, sharedContext)
  }

  /** Live conversions per affiliate and currency recorded in [from, to), for the daily digests. */
  @InjectManager()
  async listDigestFigures(affiliateIds: string[], from: Date, to: Date, @MedusaContext() sharedContext: Context = {}): Promise<DigestRow[]> {
    return this.statements_.digestFigures(affiliateIds, from, to, sharedContext)
  }

  /** The partner's payout details, decrypted (for the admin's payout page and the partner's own portal), or null. */
  async retrievePayoutDetails(affiliateId: string, sharedContext: Context = {}): Promise<(PayoutDetailsPlain & { updated_at: Date }) | null> {
    const [row] = await this.listAffiliatePayoutDetails({ affiliate_id: affiliateId }, {}, sharedContext)
    const plain = row ? this.secrets_.open(row.details_ciphertext)?.plain : null
    if (!row || !plain) return null
    return { ...(JSON.parse(plain) as PayoutDetailsPlain), method: row.method, updated_at: row.updated_at }
  }

  /** Encrypts a secret for storage (an outbound key, a partner's payout details) with the plugin's key. */
  encryptSecret(plain: string): string {
    return this.secrets_.seal(plain)
  }

  /** A stored secret in plain text, or null when no configured encryption key opens it. */
  decryptSecret(stored: string): string | null {
    return this.secrets_.open(stored)?.plain ?? null
  }

  /**
   * Issues a campaign's S2S key: only its hash (for the lookup) and its ciphertext (for the admin's
   * setup screen) are stored. Answers the row, never the key.
   */
  @InjectManager()
  async issueApiKey(campaignId: string, @MedusaContext() sharedContext: Context = {}): Promise<{ id: string; key_prefix: string }> {
    const key = generateApiKey()
    const row = await this.createAffiliateApiKeys(
      { campaign_id: campaignId, key_hash: hashApiKey(key), key_ciphertext: this.secrets_.seal(key), key_prefix: apiKeyPrefix(key) },
      sharedContext
    )
    return { id: row.id, key_prefix: row.key_prefix }
  }

  /**
   * The campaign's live S2S key, for the admin's setup screen: the key itself, or null with
   * `unreadable` when no configured encryption key opens it. Null when the campaign has no live key.
   */
  @InjectManager()
  async revealApiKey(
    campaignId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ api_key: string | null; key_prefix: string; previous_key_expires_at: Date | null } | null> {
    const keys = await this.listAffiliateApiKeys({ campaign_id: campaignId }, { order: { created_at: "DESC" } }, sharedContext)
    const live = keys.find((k) => !k.expires_at)
    if (!live) return null
    const now = Date.now()
    const stillValid = keys.map((k) => (k.expires_at ? new Date(k.expires_at).getTime() : 0)).filter((t) => t > now)
    return {
      api_key: this.secrets_.open(live.key_ciphertext)?.plain ?? null,
      key_prefix: live.key_prefix,
      previous_key_expires_at: stillValid.length ? new Date(Math.max(...stillValid)) : null,
    }
  }

  /**
   * Re-encrypts with the current key every S2S and outbound key an earlier key encrypted (README,
   * "Rotating the encryption key"), in one transaction. Answers the counts and what a compensation
   * puts back.
   */
  @InjectTransactionManager()
  async reencryptSecrets(@MedusaContext() sharedContext: Context = {}): Promise<ReencryptResult> {
    return reencryptStoredSecrets(this, this.secrets_, sharedContext)
  }

  /** Takes back `reencryptSecrets`: the previous ciphertexts. */
  @InjectTransactionManager()
  async restoreSecrets(previous: ReencryptResult["previous"], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await restoreStoredSecrets(this, previous, sharedContext)
  }

  /**
   * Sends claimed outbound deliveries and records each attempt (outbox/send-deliveries.ts): the
   * campaign's outbound key is opened here and never leaves the module.
   */
  @InjectManager()
  async sendOutboundDeliveries(deliveries: ClaimedDelivery[], now: Date, @MedusaContext() sharedContext: Context = {}): Promise<SentDelivery[]> {
    return sendDeliveries(
      {
        secrets: this.secrets_,
        policy: { allowPrivateTargets: this.options_.allowPrivateTargets },
        writes: {
          recordAttempt: async (delivery_id, attempt, ctx) => void (await this.createAffiliateOutboundAttempts({ delivery_id, ...attempt }, ctx)),
          updateDelivery: async (update, ctx) => void (await this.updateAffiliateOutboundDeliveries(update as any, ctx)),
          recordWebhookOutcome: (webhookId, delivered, reason, ctx) => this.outbox_.recordWebhookOutcome(webhookId, delivered, reason, WEBHOOK_DISABLE_AFTER, ctx),
        },
      },
      deliveries,
      now,
      sharedContext
    )
  }

  /**
   * One call to `/integration/s2sConvert`, from the key to the answer (conversions/record-s2s-call.ts):
   * the contract's checks in order, what the sale earns under the campaign's rules, the conversion
   * with its items, and the request-log entry every call gets.
   */
  async recordS2sConversion(call: S2sCall, @MedusaContext() sharedContext: Context = {}): Promise<S2sAnswer> {
    const { answer, created } = await recordS2sCall(
      {
        tracking: this.tracking_,
        reporting: this.reporting_,
        rateLimit: this.rateLimit_,
        rateLimitPerMinute: this.options_.rateLimitPerMinute,
        ipHashKey: this.options_.encryptionKey,
      },
      call,
      sharedContext
    )
    // Only a conversion this call created is news (a repeat answers "duplicate"). Medusa gives
    // every module the event bus. Not awaited: the answer never waits on the bus. With Redis away,
    // Medusa's Redis event bus holds the command until it reconnects and sends it then, and an S2S
    // call waiting for that would hang for the whole outage.
    if (created) {
      const id = created.conversion_id
      this.recentListeners_.remember(id, created.listeners)
      this.eventBus_?.emit([{ name: AffiliateEvents.CONVERSION_CREATED, data: { id } }]).catch((e: Error) => {
        this.logger_.warn(`affiliate: ${AffiliateEvents.CONVERSION_CREATED} for ${id} was not emitted (${e.message})`)
      })
    }
    return answer
  }

  /**
   * A Medusa order's conversions (conversions/record-order.ts): credited to its click or to an
   * affiliate's promotion code, priced on its items, recorded with them, every skip logged; in
   * one transaction. Answers what was recorded, the outbound delivery to queue, and the undo.
   */
  @InjectTransactionManager()
  async recordOrderConversions(sale: OrderSale, @MedusaContext() sharedContext: Context = {}): Promise<RecordedOrder> {
    return recordOrderSale({ reads: this, tracking: this.tracking_, reporting: this.reporting_, trust: this.trust_ }, sale, sharedContext)
  }

  /** Takes back `recordOrderConversions` (a compensation): what it recorded or counted, and its log entries. */
  @InjectTransactionManager()
  async undoOrderConversions(undo: RecordedOrder["undo"], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    for (const recorded of undo.recorded) await this.tracking_.undoRecordedConversion(recorded, sharedContext)
    for (const use of undo.coupon_uses ?? []) await this.trust_.countCouponUse(use.promotion_id, use.without_click, -1, sharedContext)
    if (undo.request_log_ids.length) await this.deleteAffiliateRequestLogs(undo.request_log_ids, sharedContext)
  }

  /**
   * Validates conversions of a campaign (contract, section 9): each entry on its own and whole, on
   * its conversion's row lock, with its history, a chunk of entries per transaction; a dry run
   * changes nothing. `actor` is "s2s" for the shop, "user:<id>" for an admin.
   */
  async validateConversions(request: ValidationRequest): Promise<ValidationSummary> {
    return validateEach(this.chunkApplier(request.campaign_id, request.actor), request, (e) => this.logFault(e))
  }

  /** `POST /integration/s2sValidate`, authenticated with the campaign's key and under its rate limit. */
  @InjectManager()
  async validateS2sConversions(call: S2sKeyCall & { body: unknown }, @MedusaContext() sharedContext: Context = {}): Promise<S2sAnswer> {
    return validateS2sCall(
      { ...this.keyDeps(), apply: (campaignId) => this.chunkApplier(campaignId, "s2s"), onFault: (e) => this.logFault(e) },
      call,
      sharedContext
    )
  }

  /** `GET /integration/s2sConversions`: the key's campaign's conversions by cursor, with their items. */
  @InjectManager()
  async listS2sConversions(call: S2sKeyCall & { query: Record<string, unknown> }, @MedusaContext() sharedContext: Context = {}) {
    return listS2sCall({ ...this.keyDeps(), reporting: this.reporting_ }, call, sharedContext)
  }

  /**
   * A chunk of a validation call's entries in one transaction (`validateEach` sizes the chunks):
   * their conversions locked in id order, each entry planned on its conversion as the entries
   * before it left it. A fault rolls the whole chunk back.
   */
  @InjectTransactionManager()
  async validateConversionChunk(
    campaignId: string,
    entries: ValidationChunkEntry[],
    actor: string,
    dryRun: boolean,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<EntryResult[]> {
    return this.ledger_.validateEntries(campaignId, entries, actor, dryRun, sharedContext)
  }

  private chunkApplier(campaignId: string, actor: string): ApplyChunk {
    return (entries, dryRun) => this.validateConversionChunk(campaignId, entries, actor, dryRun)
  }

  private keyDeps() {
    return { tracking: this.tracking_, rateLimit: this.rateLimit_, rateLimitPerMinute: this.options_.rateLimitPerMinute }
  }

  private logFault(e: unknown) {
    this.logger_.error(`medusa-plugin-affiliate-s2s: validating conversions failed (a chunk's entries are then applied one by one): ${(e as Error)?.message ?? e}`)
  }

  /** Conversions by id with their items, amounts as decimal strings (as a shop reads them back; no visitor data). */
  @InjectManager()
  async listConversionsWithItems(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<ShopConversion[]> {
    return this.reporting_.shopConversions(ids, sharedContext)
  }

  /**
   * What a sale would earn in a campaign, by its rules as they are now (the admin's preview):
   * for an affiliate, with its sales this month for tiers; without one, tiers never match.
   */
  @InjectManager()
  async previewCommission(
    campaignId: string,
    sale: { items: SoldItem[]; order_total?: string; order_currency: string; customer_type: CustomerType | null; affiliate_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConversionCommission> {
    const campaign = await this.retrieveAffiliateCampaign(campaignId, {}, sharedContext)
    const commission = {
      campaign_id: campaign.id,
      commission_type: campaign.commission_type,
      commission_value: MathBN.convert(String(campaign.raw_commission_value?.value ?? campaign.commission_value)).toFixed(),
      currency_code: campaign.currency_code,
      commission_rules: (campaign.commission_rules ?? []) as unknown as CommissionRule[],
    }
    const orderTotal = sale.order_total ?? sumAmounts(sale.items.map((i) => i.item_value))
    const priced = { order_total: orderTotal, order_currency: sale.order_currency.toLowerCase(), items: sale.items, occurred_at: new Date() }
    if (sale.affiliate_id) return priceSale(this.reporting_, commission, sale.affiliate_id, priced, sale.customer_type, sharedContext)
    return priceConversion(commission, priced, { customer_type: sale.customer_type, monthly_sales: null })
  }

  /** The live click a token names, byte for byte, or null (a storefront's cart capture). */
  @InjectManager()
  async findLiveClick(clickToken: string, @MedusaContext() sharedContext: Context = {}): Promise<LiveClick | null> {
    return this.tracking_.findLiveClick(clickToken, sharedContext)
  }

  /** An S2S key's campaign and the token's click, or null for a missing, expired or deleted key (the key is hashed here). */
  @InjectManager()
  async findS2sContext(apiKey: string, clickToken: string, @MedusaContext() sharedContext: Context = {}): Promise<S2sContext | null> {
    return this.tracking_.findS2sContext(hashApiKey(apiKey), clickToken, null, sharedContext)
  }

  /** Records a conversion once per campaign and order, with its request-log entry (one statement). */
  @InjectManager()
  async recordConversion(
    row: ConversionInsert,
    log: RecordedLogInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedConversion> {
    return this.tracking_.recordConversion(row, log, sharedContext)
  }

  /** Takes back a `recordConversion`: the row it created or the repeat it counted, and its log entry. */
  @InjectTransactionManager()
  async undoRecordedConversion(recorded: RecordedConversion, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.tracking_.undoRecordedConversion(recorded, sharedContext)
  }

  /** Appends one entry to the request log; returns its id. */
  @InjectManager()
  async logRequest(entry: RequestLogInput, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    return this.tracking_.insertRequestLog(entry, sharedContext)
  }

  /**
   * Records one visit through an affiliate link, for the redirect link and the storefront's
   * `POST /store/affiliate/clicks`. Paused partners and crawlers still reach the store, but earn
   * no click and no token.
   */
  async recordClick(click: ClickRequest, @MedusaContext() sharedContext: Context = {}): Promise<ClickOutcome> {
    const visitorHash = click.reuse_repeat_visits ? hashVisitor(click.ip, click.user_agent, this.options_.encryptionKey) : null
    // One statement: the campaign, the affiliate and the visitor's click inside the unique-click window.
    const target = await this.tracking_.findClickTarget(click.campaign, click.affiliate_code, visitorHash, sharedContext)
    if (!target.campaign_id) return { result: "unknown_campaign", message: "Unknown campaign" }
    if (!target.affiliate_id) return { result: "unknown_affiliate", message: "Unknown affiliate" }

    const destination = chooseDestination(target.target_url!, click.deep_link ?? undefined, target.allowed_redirect_hosts ?? [])
    if (target.campaign_status !== "active" || target.affiliate_status !== "active") return { result: "not_billable", destination }
    // A HEAD or a browser's prefetch is no visit: the redirect, nothing recorded.
    if (click.prefetch) return { result: "not_billable", destination }
    const deviceType = detectDevice(click.user_agent)
    if (deviceType === "bot" || isLinkPreview(click.user_agent)) {
      // No click and no token, but the admin sees how much of the link's traffic was crawlers and link previews.
      await this.tracking_.countFilteredClick(target.campaign_id, target.affiliate_id, sharedContext)
      return { result: "not_billable", destination }
    }
    const source = { country: click.country ?? UNKNOWN, device: deviceType, referrer: referrerHost(click.referrer) }
    if (target.repeat_token && target.repeat_expires_at) {
      // The same visitor again through the same link: the earlier click and its token; one raw click more, no unique one.
      await this.tracking_.countRepeatClick(target.campaign_id, target.affiliate_id, source, sharedContext)
      const expiresAt = new Date(target.repeat_expires_at)
      return { result: "recorded", destination, click_token: target.repeat_token, expires_at: expiresAt, window_ms: expiresAt.getTime() - Date.now(), repeat: true }
    }
    const clickToken = generateClickToken()
    const expiresAt = clickExpiry(new Date(), target.attribution_window_days!)
    await this.tracking_.insertClick({
      click_token: clickToken,
      campaign_id: target.campaign_id,
      affiliate_id: target.affiliate_id,
      subs: [0, 1, 2, 3, 4].map((i) => click.subs[i]?.slice(0, SUB_MAX) || null),
      landing_url: destination.href,
      referrer: click.referrer ?? null,
      user_agent: click.user_agent ?? null,
      device_type: deviceType,
      ip_hash: hashIp(click.ip, this.options_.encryptionKey),
      visitor_hash: visitorHash,
      country: source.country,
      referrer_host: source.referrer,
      paid_search_param: click.paid_search_param ?? null,
      expires_at: expiresAt,
    }, sharedContext)
    const windowMs = target.attribution_window_days! * DAY_MS
    return { result: "recorded", destination, click_token: clickToken, expires_at: expiresAt, window_ms: windowMs, repeat: false }
  }

  /** Claims due outbound deliveries (or the given ones) for this worker, with a lease. */
  @InjectManager()
  async claimOutboundDeliveries(
    now: Date,
    deliveryIds: string[] | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedDelivery[]> {
    return this.outbox_.claimDeliveries(now, deliveryIds, undefined, sharedContext)
  }

  /** One page of a table that grows with traffic, newest first, with its total (exact or estimated). */
  @InjectManager()
  async listPage(table: ListTable, request: ListPageRequest, @MedusaContext() sharedContext: Context = {}): Promise<ListPage> {
    return this.reporting_.listPage(table, request, sharedContext)
  }

  /** One retention batch: deletes up to `batch` request-log rows older than `before`; answers how many. */
  @InjectManager()
  async deleteRequestLogsBefore(before: Date, batch: number, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.privacy_.deleteRequestLogsBefore(before, batch, sharedContext)
  }

  /** One retention batch: clears the visitor details of up to `batch` clicks whose window ended before `expiredBefore`. */
  @InjectManager()
  async clearClickDetailsExpiredBefore(expiredBefore: Date, batch: number, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.privacy_.clearClickDetailsExpiredBefore(expiredBefore, batch, sharedContext)
  }

  /**
   * Erases what the plugin holds about one shopper's orders and carts, keeping the amounts an
   * affiliate is owed, and records the erasure (counts only); one transaction, so an erasure is
   * whole and logged, or not done at all.
   */
  @InjectTransactionManager()
  async eraseShopper(request: ErasureRequest, @MedusaContext() sharedContext: Context = {}) {
    const counts = await this.privacy_.eraseShopperData(request.order_ids, request.cart_ids, sharedContext)
    return this.createAffiliateErasures(
      { scope: request.scope, requested_by: request.requested_by, orders_matched: request.orders_matched, ...counts },
      sharedContext
    )
  }

  /** Moves the rollup deltas the triggers appended into the daily rollups; answers how many it moved. */
  @InjectTransactionManager()
  async foldDailyStats(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.reporting_.fold(sharedContext)
  }

  /** Clicks, live conversions and commission per currency, for the given campaigns or all; from the rollups. */
  @InjectManager()
  async campaignTotals(campaignIds: string[] | undefined, @MedusaContext() sharedContext: Context = {}): Promise<CampaignTotals[]> {
    const byCampaign = await this.reporting_.totals("campaign_id", { campaign_ids: campaignIds }, sharedContext)
    return [...byCampaign].map(([campaign_id, t]) => ({ campaign_id, ...t }))
  }

  /** One point per UTC day for the last `days` days, the oldest first; from the rollups. */
  @InjectManager()
  async campaignSeries(campaignId: string, days: number, @MedusaContext() sharedContext: Context = {}): Promise<SeriesPoint[]> {
    return this.reporting_.series({ campaign_ids: [campaignId] }, days, sharedContext)
  }
  /** One UTC day per point for the last `days` days, the oldest first, for an affiliate; from the rollups. */
  @InjectManager()
  async affiliateFigures(affiliateId: string, days: number, @MedusaContext() sharedContext: Context = {}): Promise<AffiliateFigures> {
    const scope = { affiliate_ids: [affiliateId] }
    const [byAffiliate, points, owed] = await Promise.all([
      this.reporting_.totals("affiliate_id", scope, sharedContext),
      this.reporting_.series(scope, days, sharedContext),
      this.payouts_.balances(scope, sharedContext),
    ])
    return {
      days,
      totals: byAffiliate.get(affiliateId) ?? { clicks: 0, unique_clicks: 0, filtered_clicks: 0, conversions: 0, commission: [] },
      series: points,
      balance: owed.map(({ currency_code, amount }) => ({ currency_code, amount })),
    }
  }

  /**
   * Clicks (raw and unique), conversions and commission per country, device or referring host over
   * the last `days` days, for a campaign or an affiliate; from the breakdowns' rollups.
   */
  @InjectManager()
  async trafficBreakdown(
    scope: { campaign_id?: string; affiliate_id?: string },
    by: BreakdownDimension,
    days: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BreakdownRow[]> {
    return this.reporting_.breakdown(
      { campaign_ids: scope.campaign_id ? [scope.campaign_id] : undefined, affiliate_ids: scope.affiliate_id ? [scope.affiliate_id] : undefined },
      by,
      days,
      sharedContext
    )
  }

  /**
   * Trusts an affiliate for a fraud signal (README, "Trust"): it is no longer raised on their
   * conversions, and their pending conversions lose it, each with a history row; those it alone
   * held leave the review queue. One transaction; answers the trust and what a compensation needs.
   */
  @InjectTransactionManager()
  async trustAffiliateSignal(affiliateId: string, code: SignalCode, actor: string, @MedusaContext() sharedContext: Context = {}): Promise<TrustOutcome> {
    return this.trust_.trust(affiliateId, code, actor, sharedContext)
  }

  /** Takes back `trustAffiliateSignal` (a compensation). */
  @InjectTransactionManager()
  async undoTrustAffiliateSignal(undo: TrustOutcome["undo"], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.trust_.undoTrust(undo, sharedContext)
  }

  /** Ends an affiliate's trust for a signal; its later conversions raise it again. Null when none was live. */
  @InjectTransactionManager()
  async revokeAffiliateTrust(affiliateId: string, code: string, actor: string, @MedusaContext() sharedContext: Context = {}): Promise<TrustRecord | null> {
    return this.trust_.revoke(affiliateId, code, actor, sharedContext)
  }

  /** Takes back `revokeAffiliateTrust` (a compensation). */
  @InjectTransactionManager()
  async restoreAffiliateTrust(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.trust_.unrevoke(id, sharedContext)
  }

  /** An affiliate's trust decisions, the newest first, revoked ones included. */
  @InjectManager()
  async listAffiliateTrust(affiliateId: string, @MedusaContext() sharedContext: Context = {}): Promise<TrustRecord[]> {
    return this.trust_.listTrust(affiliateId, sharedContext)
  }

  /**
   * Notes that an affiliate was seen at an IP (their application, a partner-portal login): a later
   * order from it raises `self_referral_ip`. Only the keyed hash is kept. `ip_hash` when the caller
   * already holds the hash (an application stores one).
   */
  @InjectManager()
  async rememberAffiliateIp(
    affiliateId: string,
    seen: { ip?: string | null; ip_hash?: string | null; source: "application" | "portal_login" },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; created: boolean } | null> {
    const ipHash = seen.ip_hash ?? hashIp(seen.ip, this.options_.encryptionKey)
    return ipHash ? this.trust_.rememberKnownIp(affiliateId, ipHash, seen.source, sharedContext) : null
  }

  /** Takes back a `rememberAffiliateIp` that made its row (a compensation). */
  @InjectManager()
  async forgetAffiliateIp(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.trust_.forgetKnownIp(id, sharedContext)
  }

  /** One retention batch: forgets up to `batch` affiliates' IP hashes unseen for the longest attribution window plus the grace days. */
  @InjectManager()
  async forgetStaleAffiliateIps(now: Date, graceDays: number, batch: number, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.trust_.deleteStaleKnownIps(now, graceDays, batch, sharedContext)
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
    return this.ledger_.changeStatus(id, request, actor, sharedContext)
  }

  /** Takes back a review of a pending conversion (a compensation). */
  @InjectTransactionManager()
  async reopenReviewedConversion(id: string, reviewedTo: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.ledger_.reopenReviewed(id, reviewedTo, sharedContext)
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
    return this.ledger_.approveHeld(now, batch, sharedContext)
  }

  /** Takes back hold-period approvals (those not moved since). */
  @InjectTransactionManager()
  async reopenApprovedConversions(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.ledger_.reopenApproved(ids, sharedContext)
  }

  /** One batch of an export, newest first, after the batch `request.after` ended. */
  @InjectManager()
  async exportBatch(request: ExportRequest, @MedusaContext() sharedContext: Context = {}): Promise<ExportBatch> {
    return this.reporting_.exportBatch(request, sharedContext)
  }

  /** Ends the affiliate's statement link (if any) and starts one for the token hash. */
  @InjectTransactionManager()
  async rotateStatementLink(affiliateId: string, tokenHash: string, @MedusaContext() sharedContext: Context = {}) {
    return this.statements_.rotateStatementLink(affiliateId, tokenHash, sharedContext)
  }

  /** Ends the affiliate's statement link; answers the ids it ended. */
  @InjectTransactionManager()
  async revokeStatementLink(affiliateId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return this.statements_.revokeStatementLinks(affiliateId, sharedContext)
  }

  /** Takes back a rotation or a revocation. */
  @InjectTransactionManager()
  async restoreStatementLinks(undo: { created_id?: string | null; revoked_ids: string[] }, @MedusaContext() sharedContext: Context = {}) {
    await this.statements_.restoreStatementLinks(undo, sharedContext)
  }

  /** When the affiliate's live statement link was made, or null. */
  @InjectManager()
  async retrieveStatementLink(affiliateId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.statements_.liveStatementLink(affiliateId, sharedContext)
  }

  /** The affiliate behind a live statement token's hash, or null. */
  @InjectManager()
  async findStatementAffiliate(tokenHash: string, @MedusaContext() sharedContext: Context = {}): Promise<StatementAffiliate | null> {
    return this.statements_.findStatementAffiliate(tokenHash, sharedContext)
  }

  /** The affiliate's latest conversions since `since` and latest payouts, as the statement shows them. */
  @InjectManager()
  async statementActivity(
    affiliateId: string,
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ conversions: StatementConversion[]; payouts: StatementPayout[] }> {
    const [conversions, payouts] = await Promise.all([
      this.statements_.statementConversions(affiliateId, since, STATEMENT_ROWS, sharedContext),
      this.statements_.affiliatePayouts(affiliateId, STATEMENT_ROWS, sharedContext),
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

export default AffiliateModuleService
