export type CampaignType = "banner" | "text" | "link" | "video"
export type CampaignStatus = "active" | "paused" | "archived"

export type Campaign = {
  id: string
  name: string
  handle: string
  type: CampaignType
  tool_type: "sale" | "lead"
  target_url: string
  integration_method: "s2s"
  commission_type: "percentage" | "flat"
  commission_value: number | string
  currency_code: string | null
  attribution_window_days: number
  status: CampaignStatus
  created_at: string
  updated_at: string
}

export type CampaignInput = {
  name: string
  type: CampaignType
  tool_type: "sale" | "lead"
  target_url: string
  commission_type: "percentage" | "flat"
  commission_value: string
  currency_code?: string | null
  attribution_window_days: number
  status: CampaignStatus
}

export type S2sSetup = {
  /** Null when the stored key cannot be decrypted with the configured encryption keys. */
  api_key: string | null
  key_problem: string | null
  endpoint_url: string
  endpoint_url_source: "public_url" | "request"
  endpoint_url_notice: string | null
  method: "POST"
  parameters: { name: string; required: boolean; description: string }[]
  example_curl: string
  previous_key_expires_at: string | null
}

export type CampaignTotals = {
  campaign_id: string
  clicks: number
  /** Crawlers' visits: no click, no token. */
  filtered_clicks: number
  conversions: number
  commission: { currency_code: string; amount: string }[]
}

export type SeriesPoint = {
  date: string
  clicks: number
  filtered_clicks: number
  conversions: number
  conversion_rate: number
  commission: Record<string, string>
}

export type TrackingLink = { campaign_id: string; campaign_name: string; url: string }

export type Affiliate = {
  id: string
  code: string
  name: string
  email: string
  status: "active" | "paused"
  created_at: string
  tracking_links?: TrackingLink[]
}

export type AffiliateInput = Pick<Affiliate, "code" | "name" | "email" | "status">

export type ConversionStatus = "pending" | "approved" | "rejected" | "paid" | "reversed"

export type Conversion = {
  id: string
  campaign_id: string
  affiliate_id: string
  click_id: string
  order_id: string
  order_total: number | string
  order_currency: string
  commission_amount: number | string
  commission_currency: string
  status: ConversionStatus
  status_reason: string | null
  source: "s2s" | "store"
  is_test: boolean
  created_at: string
}

export type RequestLogEntry = {
  id: string
  request_id: string
  source: "s2s" | "store"
  method: string | null
  outcome: "success" | "duplicate" | "skipped" | "error"
  http_status: number | null
  reason: string
  campaign_id: string | null
  key_prefix: string | null
  order_id: string | null
  click_token: string | null
  conversion_id: string | null
  is_test: boolean
  created_at: string
}

export type Paginated<K extends string, T> = { [key in K]: T[] } & { count: number; offset: number; limit: number }

export type OutboundDelivery = {
  id: string
  status: "pending" | "delivered" | "failed"
  url: string
  attempt_count: number
  max_attempts: number
  next_attempt_at: string | null
  attempts: { id: string; http_status: number | null; error: string | null; created_at: string }[]
}

export type OrderAttribution = {
  order_id: string
  attribution: {
    click_token: string | null
    consent: "granted" | "denied" | null
    consent_at: string | null
    consent_source: string | null
    token_source: "body" | "cookie" | null
    click: {
      id: string
      created_at: string
      campaign: { id: string; name: string } | null
      affiliate: { id: string; code: string; name: string } | null
    } | null
  } | null
  conversions: Pick<Conversion, "id" | "status" | "commission_amount" | "commission_currency" | "order_total" | "order_currency">[]
  deliveries: OutboundDelivery[]
  request_log: { id: string; source: string; outcome: RequestLogEntry["outcome"]; reason: string; created_at: string }[]
}
