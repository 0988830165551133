import type { InferTypeOf } from "@medusajs/framework/types"
import type { Affiliate } from "./models/affiliate"
import type { AffiliateAttribution } from "./models/attribution"
import type { AffiliateCampaign } from "./models/campaign"
import type { AffiliatePromotion } from "./models/promotion"
import type { CommissionRule, ConversionCommission, CustomerType, SoldItem } from "./utils/commission"
import type { Signal } from "./utils/fraud-signals"

/*
 * What the affiliate module's own methods (beyond the generated CRUD) take and give back. Callers
 * outside the module import these types, never the SQL in ./repositories.
 */

/** The S2S call's key, its campaign and, when the token exists, its click and affiliate. */
export type S2sContext = {
  campaign_id: string
  key_prefix: string
  campaign_status: "active" | "paused" | "archived"
  commission_type: "percentage" | "flat"
  commission_value: string
  currency_code: string | null
  commission_rules: CommissionRule[]
  /** A lead campaign's conversions need no order total (README, "Lead campaigns"). */
  tool_type: "sale" | "lead"
  /** "first": only the first order through a click converts (README, "Repeat orders"). */
  orders_per_click: "every" | "first"
  click_id: string | null
  click_campaign_id: string | null
  affiliate_id: string | null
  affiliate_status: "active" | "paused" | null
  clicked_at: Date | null
  click_expires_at: Date | null
  /** The campaign's `fraud_rules` as stored (utils/fraud-signals.ts fills the defaults). */
  fraud_rules: unknown
  /** The click's paid-search click id name, if it came from a search ad. */
  paid_search_param: string | null
  /** The signals the merchant trusts the click's affiliate for. */
  trusted_signals: string[]
  /** Where the affiliate was seen at the call's IP hash, or null. */
  known_ip: string | null
  /** The affiliate's live conversions from the call's IP hash in the last hour (before this one), or null without an IP. */
  ip_conversions_last_hour: number | null
  /** Whether a webhook listens for `affiliate.conversion.created` (sql/listeners.ts). */
  webhooks_listen: boolean
  /** Whether the click's affiliate wants a mail for each conversion. */
  affiliate_wants_mail: boolean
}

export type RequestLogOutcome = "success" | "duplicate" | "skipped" | "error"

/** One entry of the request log: an S2S call or a store order's conversion decision. */
export type RequestLogInput = {
  /** The `request_id` the S2S endpoint answered (or the store path's own). */
  request_id: string
  /** `s2s_validate`: the shop validating what it reported (one entry per call). */
  source: "s2s" | "store" | "s2s_validate"
  /** The HTTP method of an S2S call; null for the store path. */
  method: string | null
  outcome: RequestLogOutcome
  http_status: number | null
  reason: string
  campaign_id: string | null
  /** The API key's first characters, never the key. */
  key_prefix: string | null
  order_id: string | null
  click_token: string | null
  conversion_id: string | null
  is_test: boolean
}

export type ConversionSource = "s2s" | "store" | "coupon"

/** A conversion to record, from either path, with what it earned (utils/commission.ts). */
export type ConversionInsert = {
  campaign_id: string
  affiliate_id: string
  /** Null for a coupon conversion. */
  click_id: string | null
  order_id: string
  order_total: string
  order_currency: string
  source: ConversionSource
  /** The promotion code that earned a coupon conversion. */
  promotion_code?: string | null
  is_test: boolean
  limited_data_use: boolean
  user_agent: string | null
  ip_hash: string | null
  device_type: string | null
  context: string | null
  occurred_at: Date
  metadata: Record<string, unknown> | null
  customer_type: CustomerType | null
  /** The amounts, the rate they were computed with, and the priced items. */
  commission: ConversionCommission
  /** Fraud signals raised (utils/fraud-signals.ts); any holds the conversion for review. */
  signals: Signal[]
}

/** The request-log entry `recordConversion` writes with the conversion; `reason` defaults to `recorded`. */
export type RecordedLogInput = Omit<RequestLogInput, "outcome" | "conversion_id" | "reason"> & { reason?: string }

/** What recording wrote: enough to answer the caller and to take it back (compensation). */
export type RecordedConversion = { conversion_id: string; created: boolean; request_log_id: string }

/** One visit through an affiliate link, as the link or a storefront reports it. */
export type ClickRequest = {
  campaign: string
  affiliate_code: string
  subs: (string | null | undefined)[]
  deep_link?: string | null
  user_agent?: string | null
  referrer?: string | null
  ip?: string | null
  /**
   * Whether a repeat visit by the same visitor (IP and user agent) may reuse its click: the link's
   * own requests, where the IP is the shopper's; not a storefront server calling on their behalf.
   */
  reuse_repeat_visits?: boolean
  /** A HEAD or a browser's prefetch: the redirect, and nothing recorded. */
  prefetch?: boolean
  /** The country the host's CDN named ("unknown" when none did). */
  country?: string
  /** The paid-search click id name the link came with (gclid, msclkid, …), if any. */
  paid_search_param?: string | null
}

export type ClickOutcome =
  | { result: "unknown_campaign"; message: string }
  | { result: "unknown_affiliate"; message: string }
  | { result: "not_billable"; destination: URL }
  | { result: "recorded"; destination: URL; click_token: string; expires_at: Date; window_ms: number; repeat: boolean }

/** An outbound delivery claimed by this worker, with what sending it needs. */
export type ClaimedDelivery = {
  id: string
  url: string
  method: "POST" | "GET"
  payload: Record<string, string>
  attempt_count: number
  max_attempts: number
  next_attempt_at: Date | null
  outbound_api_key_ciphertext: string | null
  outbound_parameter_names: Record<string, string> | null
  /** A webhook's delivery: its webhook, event, secret (encrypted) and whether it is still enabled. */
  webhook_id: string | null
  event_type: string | null
  webhook_secret_ciphertext: string | null
  webhook_status: "enabled" | "disabled" | null
}

/** Live figures: test conversions never count; commission is what is owed or paid, per currency. */
export type ReportTotals = {
  /** Every visit through a link (repeat visits that reused a click included). */
  clicks: number
  /** Clicks less repeat visits: one per visitor and link within the campaign's unique-click window. */
  unique_clicks: number
  /** Visits by crawlers: no click, no token (README, "Bots and in-app browsers"). */
  filtered_clicks: number
  conversions: number
  /** Per currency, as decimal strings. */
  commission: { currency_code: string; amount: string }[]
}

export type CampaignTotals = ReportTotals & { campaign_id: string }

/** One UTC day of figures. */
export type SeriesPoint = {
  /** `YYYY-MM-DD` */
  date: string
  clicks: number
  unique_clicks: number
  filtered_clicks: number
  conversions: number
  /** In %, two decimals. */
  conversion_rate: number
  /** Currency code to decimal string. */
  commission: Record<string, string>
}

/** Where traffic came from (README, "Trust"). */
export type BreakdownDimension = "country" | "device" | "referrer"

/** One key of a breakdown: a country code, a device type or a referring host ("unknown", "direct"). */
export type BreakdownRow = { key: string } & Omit<ReportTotals, "filtered_clicks">

/** The tables that grow with traffic; their admin lists page by index and cursor. */
export type ListTable = "affiliate_click" | "affiliate_conversion" | "affiliate_request_log" | "affiliate_outbound_delivery"

/** `count: false` skips the total (a shop's own list needs only the cursor). */
export type ListPageRequest = { filters: Record<string, unknown>; limit: number; offset?: number; after?: string; count?: boolean }

/** One page, newest first: the row ids, a cursor for the next page, and the total (exact or estimated). */
export type ListPage = { ids: string[]; next_cursor: string | null; count: number; count_type: "exact" | "estimate" }

/** How much an erasure erased (never what). */
export type ErasureCounts = {
  conversions_cleared: number
  clicks_cleared: number
  deliveries_cleared: number
  attributions_deleted: number
  request_logs_deleted: number
}

export type ErasureRequest = {
  scope: "order" | "email"
  order_ids: string[]
  cart_ids: string[]
  orders_matched: number
  requested_by: string | null
}

/** What an affiliate is owed and not yet in a payout, per currency: a decimal string, negative when they owe. */
export type Balance = { affiliate_id: string; currency_code: string; amount: string }

export type BalanceFilter = { affiliate_ids?: string[]; currency_code?: string }

/** A payout run: one affiliate or all, one currency or all, only totals of at least `minimum_amount`. */
export type PayoutRequest = { affiliate_id?: string; currency_code?: string; minimum_amount?: string }

/** One line of a payout with what it pays for. */
export type PayoutLineDetail = {
  id: string
  payout_id: string
  type: "conversion" | "adjustment"
  conversion_id: string | null
  adjustment_id: string | null
  /** Decimal string; negative for an adjustment the affiliate owes back. */
  amount: string
  campaign_id: string | null
  order_id: string | null
  source: ConversionSource | null
  occurred_at: Date | null
  /** An adjustment's reason (a refund or cancel after payment). */
  reason: string | null
}

export type PayoutWithLines = {
  id: string
  affiliate_id: string
  currency_code: string
  amount: string
  status: "open" | "paid"
  reference: string | null
  paid_at: Date | null
  created_at: Date
  lines: PayoutLineDetail[]
}

/** One batch of an export: conversions with the list's filters, or one campaign's clicks in a date range. */
export type ExportRequest = {
  kind: "conversions" | "clicks"
  filters: Record<string, unknown>
  /** The `next` of the batch before. */
  after?: string
  limit: number
}

export type ExportBatch = { rows: Record<string, unknown>[]; next: string | null }

/** The affiliate a statement link belongs to. */
export type StatementAffiliate = { id: string; name: string; code: string; status: "active" | "paused" }

/** A conversion as its affiliate sees it: no shopper data, the order id only where the campaign shows it. */
export type StatementConversion = {
  created_at: Date
  campaign_id: string
  campaign_name: string
  source: ConversionSource
  status: "pending" | "approved" | "rejected" | "paid" | "reversed"
  commission_amount: string
  commission_currency: string
  order_id: string | null
}

export type StatementPayout = {
  id: string
  amount: string
  currency_code: string
  status: "open" | "paid"
  reference: string | null
  paid_at: Date | null
  created_at: Date
}

/** An affiliate's figures, the same for the admin and the affiliate's statement. */
export type AffiliateFigures = {
  days: number
  /** All time. */
  totals: ReportTotals
  /** One point per UTC day for the last `days` days, the oldest first. */
  series: SeriesPoint[]
  /** Owed and not yet in a payout, per currency. */
  balance: { currency_code: string; amount: string }[]
}

/** A conversion as the shop reads it back over S2S (contract, section 9): no visitor data. */
export type ShopConversion = {
  id: string
  order_id: string
  status: "pending" | "approved" | "rejected" | "paid" | "reversed"
  order_total: string
  order_currency: string
  commission_amount: string
  commission_currency: string
  created_at: string
  items: ShopConversionItem[]
}

export type ShopConversionItem = Omit<SoldItem, "metadata"> & {
  id: string
  commission_amount: string | null
  status: "pending" | "approved" | "rejected"
  rule_id: string | null
}

/*
 * The models' records by name, for what steps hand on: declarations then name them instead of
 * spelling out every relation of every model (a step's `.d.ts` was 40-50 KB).
 */
// Interfaces, not aliases: the compiler prints an interface by its name.
export interface AffiliateRecord extends InferTypeOf<typeof Affiliate> {}
export interface CampaignRecord extends InferTypeOf<typeof AffiliateCampaign> {}
export interface AttributionRecord extends InferTypeOf<typeof AffiliateAttribution> {}
export interface AffiliatePromotionRecord extends InferTypeOf<typeof AffiliatePromotion> {}

/** The partner program's settings (README, "Partner program"); `id` is null until an admin saved them. */
export type ProgramSettings = {
  id: string | null
  applications_open: boolean
  auto_approve: boolean
  terms_url: string | null
  application_campaign_ids: string[]
}

/** A conversion as its partner sees it in the portal: no shopper data; `order_id` only where the campaign shows it. */
export type PartnerConversion = {
  id: string
  created_at: Date
  campaign_id: string
  campaign_name: string | null
  source: ConversionSource
  status: "pending" | "approved" | "rejected" | "paid" | "reversed"
  order_total: string
  order_currency: string
  commission_amount: string
  commission_currency: string
  order_id: string | null
}

/** What a partner stored as payout details, decrypted (only the module service opens them). */
export type PayoutDetailsPlain = { method: "paypal" | "bank"; paypal_email?: string; iban?: string; account_name?: string }

/** One affiliate's conversions in one currency over a digest's day. */
export type DigestRow = { affiliate_id: string; commission_currency: string; conversions: number; commission: string }
