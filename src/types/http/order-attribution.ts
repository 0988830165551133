import type { AdminConversion } from "./conversion"
import type { AdminOutboundDelivery } from "./outbound-delivery"
import type { AdminRequestLogEntry } from "./request-log"

/** The click behind a cart's attribution, with its campaign and affiliate (null once deleted). */
export type AdminAttributionClick = {
  id: string
  created_at: string
  expires_at: string
  sub1: string | null
  /** Added by the data layer beside the `affiliate` relation. */
  affiliate_id: string
  campaign: { id: string; name: string } | null
  affiliate: { id: string; code: string; name: string } | null
}

/** A cart's attribution: the most recent click token and the shopper's consent. */
export type AdminAttribution = {
  id: string
  cart_id: string
  click_token: string | null
  token_source: "body" | "cookie" | null
  token_captured_at: string | null
  consent: "granted" | "denied" | null
  consent_at: string | null
  consent_source: string | null
  click_id: string | null
  click: AdminAttributionClick | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** A big number's stored form, which `*` selections answer beside the number. */
export type BigNumberRaw = { value: string; precision: number }

/** Every column of a conversion, as the order link answers it (`affiliate_conversions.*`). */
export type AdminOrderConversion = AdminConversion & {
  refunded_total: number
  raw_order_total: BigNumberRaw
  raw_commission_amount: BigNumberRaw
  raw_refunded_total: BigNumberRaw
  campaign: { id: string; name: string }
  affiliate: { id: string; name: string; code: string }
  /** Null for a coupon conversion. */
  click: { id: string } | null
  deleted_at: string | null
}

/** The order's request-log entries: why there is, or is not, a conversion. Newest first, at most 20. */
export type AdminOrderRequestLogEntry = Pick<AdminRequestLogEntry, "id" | "source" | "outcome" | "reason" | "conversion_id" | "created_at">

/** `GET /admin/affiliate/orders/:id/attribution`: what the order page's widget shows. */
export type AdminOrderAttributionResponse = {
  order_id: string
  /** Null when the storefront never captured a click or consent on the order's cart. */
  attribution: AdminAttribution | null
  conversions: AdminOrderConversion[]
  deliveries: AdminOutboundDelivery[]
  request_log: AdminOrderRequestLogEntry[]
}
