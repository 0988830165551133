import type { CommissionRule, ConversionCommission } from "../../modules/affiliate/utils/commission"
import type { DeleteResponse, FindParams, OneOrMany, PaginatedResponse } from "./common"
import type { AdminFraudRules } from "./trust"

export type CampaignType = "banner" | "text" | "link" | "video"
export type CampaignToolType = "sale" | "lead"
export type CampaignStatus = "active" | "paused" | "archived"
export type CommissionType = "percentage" | "flat"
export type IntegrationMethod = "s2s"
export type OutboundMethod = "POST" | "GET"
export type AttributionPrecedence = "coupon" | "click"
/** Which orders through one click earn a conversion: every one in the attribution window, or the first only. */
export type OrdersPerClick = "every" | "first"
/** The S2S parameters an outbound delivery can send under another name. */
export type OutboundParameter = "api_key" | "click_token" | "order_id" | "order_total" | "order_currency" | "test"

/** A campaign as `GET /admin/affiliate/campaigns[/:id]` answers it (the default `fields`). */
export type AdminCampaign = {
  id: string
  name: string
  handle: string
  type: CampaignType
  tool_type: CampaignToolType
  target_url: string
  allowed_redirect_hosts: string[]
  integration_method: IntegrationMethod
  commission_type: CommissionType
  /** A percentage (0-100) or a flat amount in `currency_code`; a JSON number, as Medusa answers big numbers. */
  commission_value: number
  /** Lower-case ISO 4217; set for flat commissions only. */
  currency_code: string | null
  /** Ordered; the first that matches an item sets its rate (README, "Commission rules"). */
  commission_rules: AdminCommissionRule[]
  attribution_window_days: number
  /** Days a conversion stays pending before it is approved automatically. */
  hold_days: number
  /** Who is credited when an order has both a click and an affiliate's code in this campaign. */
  attribution_precedence: AttributionPrecedence
  /** `first`: a later order through the same click is skipped (`click_already_converted`). */
  orders_per_click: OrdersPerClick
  /** Whether affiliates see their conversions' order ids on their statement. */
  show_order_ids_on_statement: boolean
  /** A repeat visit by the same visitor through the same link within this many minutes reuses the click (0: never). */
  unique_click_window_minutes: number
  /** The fraud signals' thresholds and the signals this campaign does not raise. */
  fraud_rules: AdminFraudRules
  status: CampaignStatus
  metadata: Record<string, unknown> | null
  outbound_url: string | null
  outbound_method: OutboundMethod
  outbound_parameter_names: Partial<Record<OutboundParameter, string>> | null
  created_at: string
  updated_at: string
}

/** `GET /admin/affiliate/campaigns` */
export type AdminCampaignListParams = FindParams & {
  /** Part of the name or handle, case-insensitive. */
  q?: string
  id?: OneOrMany<string>
  status?: OneOrMany<CampaignStatus>
  type?: OneOrMany<CampaignType>
}
export type AdminCampaignListResponse = PaginatedResponse<"campaigns", AdminCampaign>

/** `GET`, `POST /admin/affiliate/campaigns/:id` and `POST /admin/affiliate/campaigns` */
export type AdminCampaignResponse = { campaign: AdminCampaign }

/** `POST /admin/affiliate/campaigns` body; absent fields take the defaults shown. */
export type AdminCreateCampaign = {
  name: string
  /** Derived from the name when absent; lower-case letters, digits and single dashes. */
  handle?: string
  type?: CampaignType // "link"
  tool_type?: CampaignToolType // "sale"
  target_url: string
  allowed_redirect_hosts?: string[] // []
  integration_method?: IntegrationMethod // "s2s"
  commission_type?: CommissionType // "percentage"
  /** A decimal string (`"12.5"`) or a JSON number. */
  commission_value: string | number
  /** Required for a flat commission; ignored (stored as null) for a percentage. */
  currency_code?: string | null
  /** At most 50, kept in order; a rule sent back with its `id` keeps it. */
  commission_rules?: (Omit<AdminCommissionRule, "id"> & { id?: string })[] // []
  attribution_window_days?: number // 30, from 1 to 365
  hold_days?: number // 30, from 0 to 365
  attribution_precedence?: AttributionPrecedence // "coupon"
  orders_per_click?: OrdersPerClick // "every"
  show_order_ids_on_statement?: boolean // false
  unique_click_window_minutes?: number // 60, from 0 to 10080
  /** Any key may be left out: it keeps its stored value (its default on a new campaign). */
  fraud_rules?: Partial<AdminFraudRules>
  status?: CampaignStatus // "active"
  metadata?: Record<string, unknown> | null
  outbound_url?: string | null
  outbound_method?: OutboundMethod // "POST"
  /** Write-only: stored encrypted, never answered. */
  outbound_api_key?: string | null
  outbound_parameter_names?: Partial<Record<OutboundParameter, string>> | null
}

/** `POST /admin/affiliate/campaigns/:id` body: any field; the commission rule is checked as merged. */
export type AdminUpdateCampaign = Partial<AdminCreateCampaign>

/** `DELETE /admin/affiliate/campaigns/:id` (soft delete: its links and API key stop working). */
export type AdminCampaignDeleteResponse = DeleteResponse<"affiliate_campaign">

/** One commission rule of a campaign (contract, section 8). */
export type AdminCommissionRule = CommissionRule

/** One item of a commission preview; amounts are decimal strings. */
export type AdminCommissionPreviewItem = {
  sku: string
  item_value: string
  quantity?: number
  product_id?: string
  category?: string[]
  collection?: string
}

/** `POST /admin/affiliate/campaigns/:id/commission-preview` body: items, or a total. */
export type AdminCommissionPreview = {
  items?: AdminCommissionPreviewItem[]
  /** Without items: the order as one item with no sku, product, category or collection. */
  order_total?: string
  order_currency: string
  customer_type?: "new" | "returning"
  /** Its sales this month count for `min_monthly_sales` tiers; without one, tiers never match. */
  affiliate_id?: string
}

/** `POST /admin/affiliate/campaigns/:id/commission-preview`: what the order would earn, item by item. */
export type AdminCommissionPreviewResponse = { preview: ConversionCommission }
