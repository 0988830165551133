import type { FindParams, OneOrMany, PaginatedResponse } from "./common"
import type { ConversionSource } from "./conversion"
import type { PayoutDetails } from "./partner"

export type PayoutStatus = "open" | "paid"

/** Approved conversions and adjustments not yet in a payout, for one affiliate in one currency. */
export type AdminBalance = {
  affiliate_id: string
  /** Lower-case ISO 4217. */
  currency_code: string
  /** Decimal string in the currency's minor unit; negative when the affiliate owes money back. */
  amount: string
}

/** `GET /admin/affiliate/balances` */
export type AdminBalanceParams = { affiliate_id?: OneOrMany<string>; currency_code?: string }
export type AdminBalanceListResponse = { balances: AdminBalance[] }

/** One line of a payout: a conversion, or an adjustment (negative when owed back). */
export type AdminPayoutLine = {
  id: string
  type: "conversion" | "adjustment"
  conversion_id: string | null
  adjustment_id: string | null
  /** Decimal string in the payout's currency. */
  amount: string
  campaign_id: string | null
  order_id: string | null
  source: ConversionSource | null
  occurred_at: string | null
  /** An adjustment's reason. */
  reason: string | null
}

/** A payout as the list answers it (without lines). */
export type AdminPayout = {
  id: string
  affiliate_id: string
  currency_code: string
  /** The sum of its lines: a decimal string in the currency's minor unit. */
  amount: string
  status: PayoutStatus
  /** The transfer's reference, once paid. */
  reference: string | null
  paid_at: string | null
  created_at: string
}

export type AdminPayoutWithLines = AdminPayout & { lines: AdminPayoutLine[] }

/** `GET /admin/affiliate/payouts` (newest first) */
export type AdminPayoutListParams = FindParams & {
  id?: OneOrMany<string>
  affiliate_id?: OneOrMany<string>
  status?: OneOrMany<PayoutStatus>
  currency_code?: string
}
export type AdminPayoutListResponse = PaginatedResponse<"payouts", AdminPayout>

/** `POST /admin/affiliate/payouts`: every affiliate (or one) with a balance of at least the minimum. */
export type AdminCreatePayouts = {
  affiliate_id?: string
  currency_code?: string
  /** A decimal string or number; balances below it wait. Default: any positive balance. */
  minimum_amount?: string | number
}
export type AdminCreatePayoutsResponse = { payouts: AdminPayoutWithLines[] }

/** `GET /admin/affiliate/payouts/:id` and `POST …/:id/paid` */
export type AdminPayoutResponse = { payout: AdminPayoutWithLines; payout_details?: PayoutDetails | null }

/** `POST /admin/affiliate/payouts/:id/paid` body: the transfer's reference (1-255 characters). */
export type AdminMarkPayoutPaid = { reference: string }
