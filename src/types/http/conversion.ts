import type { EntryResult } from "../../modules/affiliate/repositories/conversion-ledger"
import type { ShopConversionItem } from "../../modules/affiliate/types"
import type { CursorFindParams, CursorPaginatedResponse, DateRangeParams, OneOrMany } from "./common"
import type { DeviceType } from "./click"
import type { AdminSignal } from "./trust"

export type ConversionStatus = "pending" | "approved" | "rejected" | "paid" | "reversed"
export type ConversionSource = "s2s" | "store" | "coupon"

/** A conversion as `GET /admin/affiliate/conversions[/:id]` answers it (the default `fields`). */
export type AdminConversion = {
  id: string
  campaign_id: string
  affiliate_id: string
  /** Null for a coupon conversion. */
  click_id: string | null
  order_id: string
  /** Amounts are JSON numbers, as Medusa answers big numbers; they are stored exactly. */
  order_total: number
  /** Lower-case ISO 4217. */
  order_currency: string
  commission_amount: number
  commission_currency: string
  status: ConversionStatus
  status_reason: string | null
  source: ConversionSource
  /** The affiliate's promotion code that earned a coupon conversion. */
  promotion_code: string | null
  is_test: boolean
  limited_data_use: boolean
  user_agent: string | null
  ip_hash: string | null
  device_type: DeviceType | null
  context: string | null
  occurred_at: string
  /** How often the same order was reported again. */
  duplicate_count: number
  metadata: Record<string, unknown> | null
  /** "new" or "returning", from the S2S call or the Medusa customer's order history. */
  customer_type: "new" | "returning" | null
  /** The commission rule that set a flat amount, or the rate of a conversion without items; null for the campaign's own. */
  commission_rule_id: string | null
  /** Fraud signals it raised and the merchant has not trusted (contract, section 11); empty when none. */
  signals: AdminSignal[]
  /** Held for review: it has a signal. The hold-period job never approves it. */
  flagged: boolean
  created_at: string
  updated_at: string
}

/** `GET /admin/affiliate/conversions` (20 a page by default, newest first). */
export type AdminConversionListParams = CursorFindParams & {
  id?: OneOrMany<string>
  campaign_id?: OneOrMany<string>
  affiliate_id?: OneOrMany<string>
  click_id?: OneOrMany<string>
  status?: OneOrMany<ConversionStatus>
  source?: OneOrMany<ConversionSource>
  is_test?: boolean
  order_id?: string
  created_at?: DateRangeParams
  /** true: the review queue (flagged and still pending); false: every other conversion. */
  flagged?: boolean
}
export type AdminConversionListResponse = CursorPaginatedResponse<"conversions", AdminConversion>

/** One item of a conversion (contract, section 8), amounts as decimal strings. */
export type AdminConversionItem = ShopConversionItem

/** `GET /admin/affiliate/conversions/:id` (with its items), `POST …/:id/approve` and `POST …/:id/reject` */
export type AdminConversionResponse = { conversion: AdminConversion & { items?: AdminConversionItem[] } }

/** `POST /admin/affiliate/conversions/:id/approve` body (pending, live conversions only). */
export type AdminApproveConversion = { reason?: string }

/** `POST /admin/affiliate/conversions/:id/reject` body: a reason of 1-500 characters (pending only). */
export type AdminRejectConversion = { reason: string }

/** One change of a conversion's status or amounts. */
export type AdminConversionChange = {
  created_at: string
  /** "s2s" (the shop, by API), "store" (a cancel or refund), "system" (the hold period) or "user:<id>" (an admin). */
  actor: string
  /** "status", "commission_amount", "order_total", "payout", "adjustment", or an item's ("items.<sku>.status"). */
  field: string
  from: string | null
  to: string | null
  reason: string | null
}

/** `GET /admin/affiliate/conversions/:id/history`, the oldest change first. */
export type AdminConversionHistoryResponse = { history: AdminConversionChange[] }

/** One entry of a validation (contract, section 9): a conversion by its order id and what changes. */
export type AdminValidationEntry = {
  order_id: string
  /** A test conversion (default: the call's `test`, else live). */
  test?: boolean
  status?: "approved" | "rejected"
  /** At most 500 characters. */
  reason?: string
  /** A new total, for a conversion without items (decimal string). */
  order_total?: string
  items?: { sku: string; status?: "approved" | "rejected"; reason?: string; quantity?: number; item_value?: string }[]
}

/** `POST /admin/affiliate/conversions/validate` JSON body: 1-1,000 entries of one campaign. */
export type AdminValidateConversions = {
  campaign_id: string
  /** Answers what would happen and changes nothing. */
  dry_run?: boolean
  test?: boolean
  conversions: AdminValidationEntry[]
}

/**
 * `POST /admin/affiliate/conversions/validate` with a CSV file as the body (`Content-Type: text/csv`,
 * columns order_id,status,reason,order_total): these travel in the query string.
 */
export type AdminValidateConversionsCsvParams = { campaign_id: string; dry_run?: boolean; test?: boolean }

/** One entry's answer of a validation (contract, section 9), as the module gives it. */
export type ValidationResult = EntryResult

/** `POST /admin/affiliate/conversions/validate`: what each entry did (or would do, with `dry_run`). */
export type AdminValidateConversionsResponse = {
  message: string
  counts: { updated: number; unchanged: number; failed: number }
  results: ValidationResult[]
  dry_run: boolean
}
