import type { ReportTotals } from "../../modules/affiliate/types"
import type { AdminCampaignSeriesPoint, StatsPeriod } from "./stats"

/** Totals as the reports count them: test conversions never; commission pending, approved and paid, per currency. */
export type AffiliateTotals = ReportTotals

/** `GET /admin/affiliate/affiliates/:id/stats?days=7|30|90`: the figures the affiliate's statement shows too. */
export type AdminAffiliateStatsParams = { days?: StatsPeriod }
export type AdminAffiliateStatsResponse = {
  days: StatsPeriod
  /** All time. */
  totals: AffiliateTotals
  series: AdminCampaignSeriesPoint[]
  /** Approved and not yet in a payout, per currency (adjustments included). */
  balance: { currency_code: string; amount: string }[]
}

/** `GET /admin/affiliate/affiliates/:id/statement-link`: whether a live link exists (its token is never shown again). */
export type AdminStatementLinkResponse = { statement_link: { created_at: string } | null }
/** `POST /admin/affiliate/affiliates/:id/statement-link`: a new link; any earlier one stops working. */
export type AdminStatementLinkCreatedResponse = { url: string }

/**
 * `GET <statement url>` with `Accept: application/json`: the affiliate's own figures, no shopper
 * data. The HTML page shows the same.
 */
export type AffiliateStatement = {
  affiliate: { name: string; code: string }
  days: StatsPeriod
  links: { campaign_id: string; campaign_name: string; url: string }[]
  totals: AffiliateTotals
  series: AdminCampaignSeriesPoint[]
  balance: { currency_code: string; amount: string }[]
  payouts: {
    id: string
    amount: string
    currency_code: string
    status: "open" | "paid"
    reference: string | null
    paid_at: string | null
    created_at: string
  }[]
  /** The latest conversions of the period; `order_id` only where the campaign shows it to affiliates. */
  conversions: {
    created_at: string
    campaign_id: string
    campaign_name: string
    source: "s2s" | "store" | "coupon"
    status: "pending" | "approved" | "rejected" | "paid" | "reversed"
    commission_amount: string
    commission_currency: string
    order_id: string | null
  }[]
}
