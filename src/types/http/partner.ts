import type { FindParams, OneOrMany, PaginatedResponse } from "./common"

/*
 * The partner program: settings and applications (admin API), and the partner portal's JSON API
 * (`/affiliate/portal/*`, a partner's own session or bearer token).
 */

export type AdminProgramSettings = {
  applications_open: boolean
  auto_approve: boolean
  terms_url: string | null
  application_campaign_ids: string[]
}
export type AdminProgramSettingsResponse = { settings: AdminProgramSettings }
export type AdminUpdateProgramSettingsPayload = Partial<AdminProgramSettings>

export type ApplicationStatus = "pending_confirmation" | "pending" | "approved" | "rejected"

export type AdminApplication = {
  id: string
  name: string
  email: string
  website: string | null
  promotion_plan: string
  status: ApplicationStatus
  confirmed_at: string | null
  reviewed_at: string | null
  /** `user:<id>` of the admin, or `auto_approve`. */
  reviewed_by: string | null
  rejection_reason: string | null
  affiliate_id: string | null
  created_at: string
  updated_at: string
}
export type AdminApplicationParams = FindParams & { q?: string; status?: OneOrMany<ApplicationStatus> }
export type AdminApplicationListResponse = PaginatedResponse<"applications", AdminApplication>
export type AdminApplicationResponse = { application: AdminApplication }
export type AdminApproveApplicationPayload = { code?: string }
export type AdminRejectApplicationPayload = { reason: string }

/** `POST /affiliate/apply` as JSON. */
export type ApplyResponse = { application: { id: string; status: "pending_confirmation" } }

type Money = { currency_code: string; amount: string }

export type PayoutMethod = "paypal" | "bank"
/** What a partner stored; the portal shows the account masked, the admin's payout page in full. */
export type PayoutDetails = {
  method: PayoutMethod
  paypal_email?: string
  iban?: string
  account_name?: string
  updated_at: string
}

export type PortalMe = {
  affiliate: { id: string; code: string; name: string; email: string; status: "active" | "paused"; email_notifications: "each" | "daily" | "off" }
  payout_details: PayoutDetails | null
}
export type PortalLink = { campaign_id: string; campaign_name: string; target_url: string; url: string }
export type PortalLinksResponse = { links: PortalLink[] }
export type PortalBuildLinkPayload = { campaign_id: string; url?: string; sub1?: string; sub2?: string; sub3?: string; sub4?: string; sub5?: string }
export type PortalBuildLinkResponse = { url: string }
export type PortalConversion = {
  id: string
  campaign_id: string
  campaign_name: string | null
  status: string
  source: string
  order_total: string
  order_currency: string
  commission_amount: string
  commission_currency: string
  /** Only for campaigns that show order ids to partners. */
  order_id: string | null
  created_at: string
}
export type PortalConversionsResponse = { conversions: PortalConversion[]; next_cursor: string | null }
export type PortalPayoutLine = {
  type: "conversion" | "adjustment"
  amount: string
  campaign_id: string | null
  order_id: string | null
  occurred_at: string | null
  reason: string | null
}
export type PortalPayout = Money & {
  id: string
  status: "open" | "paid"
  reference: string | null
  paid_at: string | null
  created_at: string
  lines: PortalPayoutLine[]
}
export type PortalPayoutsResponse = { payouts: PortalPayout[] }
export type PortalPayoutDetailsResponse = { payout_details: PayoutDetails | null }
export type PortalPayoutDetailsPayload = { method: PayoutMethod; paypal_email?: string; iban?: string; account_name?: string }

/** A merchant's webhook (README, "Webhooks"); the secret only in the answer that made it. */
export type AdminWebhook = {
  id: string
  url: string
  events: string[]
  status: "enabled" | "disabled"
  disabled_reason: string | null
  consecutive_failures: number
  created_at: string
  updated_at: string
}
export type AdminWebhookListResponse = { webhooks: AdminWebhook[] }
export type AdminWebhookResponse = { webhook: AdminWebhook }
export type AdminWebhookCreatedResponse = { webhook: AdminWebhook & { secret: string } }
export type AdminWebhookPayload = { url: string; events: string[] }
export type AdminWebhookAttempt = { id: string; http_status: number | null; error: string | null; response_excerpt: string | null; duration_ms: number; created_at: string }
export type AdminWebhookDelivery = {
  id: string
  webhook_id: string
  event_type: string
  url: string
  payload: { id: string; type: string; created_at: string; data: Record<string, unknown> }
  status: "pending" | "delivered" | "failed"
  attempt_count: number
  max_attempts: number
  next_attempt_at: string | null
  delivered_at: string | null
  created_at: string
  attempts: AdminWebhookAttempt[]
}
export type AdminWebhookDeliveryListResponse = { deliveries: AdminWebhookDelivery[]; count: number; count_type: "exact" | "estimate"; offset: number; limit: number; next_cursor: string | null }
