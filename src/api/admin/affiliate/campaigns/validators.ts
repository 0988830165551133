import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { commissionRuleIssues, commissionRulesIssues, MAX_COMMISSION_RULES } from "../../../../modules/affiliate/utils/commission-rules"
import { HANDLE_MAX, HANDLE_PATTERN } from "../../../../modules/affiliate/utils/link-identifiers"
import { DECIMAL, isKnownCurrency } from "../../../../modules/affiliate/utils/money"
import { DEFAULT_OUTBOUND_NAMES, OutboundName } from "../../../../modules/affiliate/utils/outbound"
import { SIGNAL_CODES } from "../../../../modules/affiliate/utils/fraud-signals"
import { enumFilter, idFilter, listParams, searchFilter } from "../validators"

export const CAMPAIGN_TYPES = ["banner", "text", "link", "video"] as const
export const CAMPAIGN_STATUSES = ["active", "paused", "archived"] as const

const OUTBOUND_NAMES = Object.keys(DEFAULT_OUTBOUND_NAMES) as OutboundName[]
const PARAM_NAME = /^[A-Za-z0-9_.\[\]-]{1,64}$/
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname
  } catch {
    return false
  }
}

const values = (what: string) =>
  z.array(z.string().min(1, `${what} values must not be empty`).max(255, `${what} values are at most 255 characters`)).min(1, `${what} must list at least one value`).max(200)

/** One commission rule (contract, section 8): every match key optional, all of a rule's keys must match. */
const commissionRule = z.strictObject({
  id: z.string().max(64).optional().describe("Keep a rule's id when sending it back; new rules get one from the server."),
  name: z.string().trim().max(255).optional(),
  match: z.strictObject({
    sku: values("sku").optional(),
    product_id: values("product_id").optional(),
    category: values("category").optional(),
    collection: values("collection").optional(),
    customer_type: z.enum(["new", "returning"]).optional(),
    min_monthly_sales: z.union([z.number(), z.string().trim()]).transform((v) => String(v)).optional(),
  }),
  commission_value: z.union([z.number(), z.string().trim()]).transform((v) => String(v)),
})

const campaignFields = {
  name: z.string().trim().min(1, "name must not be empty").max(255),
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .max(HANDLE_MAX)
    .regex(HANDLE_PATTERN, "handle must be lower-case letters, digits and single dashes, e.g. summer-sale"),
  type: z.enum(CAMPAIGN_TYPES),
  tool_type: z.enum(["sale", "lead"]),
  target_url: z
    .string()
    .trim()
    .max(2048)
    .refine(isHttpUrl, "target_url must be an absolute http(s) URL, e.g. https://shop.example.com/landing"),
  allowed_redirect_hosts: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(HOST, "allowed_redirect_hosts must hold host names (with an optional port), e.g. shop.example.com")
    )
    .max(50),
  integration_method: z.enum(["s2s"]),
  commission_type: z.enum(["percentage", "flat"]),
  // A JSON number or a decimal string, kept as text so no float ever touches it.
  commission_value: z.union([z.number(), z.string().trim()]).transform((v) => String(v)),
  currency_code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{3}$/, "currency_code must be a three-letter ISO 4217 code")
    .nullable(),
  // Ordered: the first that matches an item sets its rate.
  commission_rules: z.array(commissionRule).max(MAX_COMMISSION_RULES, `commission_rules holds at most ${MAX_COMMISSION_RULES} rules`),
  attribution_window_days: z.number().int().min(1).max(365),
  // Days a conversion stays pending before the hold-period job approves it; 0 approves at its next run.
  hold_days: z.number({ error: "hold_days must be a whole number of days from 0 to 365" }).int("hold_days must be a whole number of days from 0 to 365").min(0, "hold_days must be a whole number of days from 0 to 365").max(365, "hold_days must be a whole number of days from 0 to 365"),
  attribution_precedence: z.enum(["coupon", "click"]),
  // Every order through a click inside its window earns a conversion, or only the first one.
  orders_per_click: z.enum(["every", "first"]),
  show_order_ids_on_statement: z.boolean(),
  // Minutes a repeat visit by the same visitor through the same link reuses the click; 0: never (a week at most).
  unique_click_window_minutes: z
    .number({ error: "unique_click_window_minutes must be a whole number of minutes from 0 to 10080" })
    .int("unique_click_window_minutes must be a whole number of minutes from 0 to 10080")
    .min(0, "unique_click_window_minutes must be a whole number of minutes from 0 to 10080")
    .max(10_080, "unique_click_window_minutes must be a whole number of minutes from 0 to 10080"),
  // The fraud signals' settings (README, "Trust"); a key left out keeps its stored value or default.
  fraud_rules: z.strictObject({
    fast_conversion_seconds: z.number().int().min(0).max(86_400).optional(),
    ip_velocity_per_hour: z.number().int().min(1).max(100_000).optional(),
    forbid_paid_search: z.boolean().optional(),
    leaked_code_share: z.number().min(0).max(1).optional(),
    disabled: z.array(z.enum(SIGNAL_CODES)).max(SIGNAL_CODES.length * 2).optional(),
  }),
  status: z.enum(CAMPAIGN_STATUSES),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  // Forwarding to an external network's S2S endpoint; null turns it off.
  outbound_url: z
    .string()
    .trim()
    .max(2048)
    .refine(isHttpUrl, "outbound_url must be an absolute http(s) URL")
    .nullable(),
  outbound_method: z.enum(["POST", "GET"]),
  // Write-only: stored encrypted, never returned.
  outbound_api_key: z.string().min(1).max(512).nullable(),
  outbound_parameter_names: z
    .strictObject(
      Object.fromEntries(
        OUTBOUND_NAMES.map((name) => [name, z.string().regex(PARAM_NAME, `outbound_parameter_names.${name} must be a parameter name`).optional()])
      )
    )
    .nullable(),
}

export const AdminCreateCampaign = z
  .object({
    ...campaignFields,
    handle: campaignFields.handle.optional(),
    type: campaignFields.type.default("link"),
    tool_type: campaignFields.tool_type.default("sale"),
    allowed_redirect_hosts: campaignFields.allowed_redirect_hosts.default([]),
    integration_method: campaignFields.integration_method.default("s2s"),
    commission_type: campaignFields.commission_type.default("percentage"),
    currency_code: campaignFields.currency_code.optional(),
    commission_rules: campaignFields.commission_rules.default([]),
    attribution_window_days: campaignFields.attribution_window_days.default(30),
    hold_days: campaignFields.hold_days.default(30),
    attribution_precedence: campaignFields.attribution_precedence.default("coupon"),
    orders_per_click: campaignFields.orders_per_click.default("every"),
    show_order_ids_on_statement: campaignFields.show_order_ids_on_statement.default(false),
    unique_click_window_minutes: campaignFields.unique_click_window_minutes.default(60),
    fraud_rules: campaignFields.fraud_rules.optional(),
    status: campaignFields.status.default("active"),
    metadata: campaignFields.metadata.optional(),
    outbound_url: campaignFields.outbound_url.optional(),
    outbound_method: campaignFields.outbound_method.default("POST"),
    outbound_api_key: campaignFields.outbound_api_key.optional(),
    outbound_parameter_names: campaignFields.outbound_parameter_names.optional(),
  })
  .superRefine((body, ctx) => {
    for (const issue of commissionRuleIssues(body)) {
      ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message })
    }
    for (const issue of commissionRulesIssues(body.commission_rules, body)) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message })
    }
  })
export type AdminCreateCampaignType = z.infer<typeof AdminCreateCampaign>

/** Field by field; the route checks the commission rule once merged with the stored campaign. */
export const AdminUpdateCampaign = z.object(campaignFields).partial()
export type AdminUpdateCampaignType = z.infer<typeof AdminUpdateCampaign>

export const AdminGetCampaignParams = createFindParams()
export const AdminGetCampaignsParams = listParams(
  {
    q: searchFilter.optional(),
    id: idFilter("id").optional(),
    status: enumFilter(CAMPAIGN_STATUSES).optional(),
    type: enumFilter(CAMPAIGN_TYPES).optional(),
  },
  { limit: 20, paged_by_cursor: false }
)
export type AdminGetCampaignsParamsType = z.infer<typeof AdminGetCampaignsParams>

export const AdminRegenerateApiKey = z.object({
  grace_period_hours: z
    .number({ error: "grace_period_hours must be a number of hours from 0 to 720" })
    .min(0)
    .max(720)
    .optional(),
})
export type AdminRegenerateApiKeyType = z.infer<typeof AdminRegenerateApiKey>

const previewAmount = z.union([z.number(), z.string().trim()]).transform((v) => String(v)).refine((v) => DECIMAL.test(v), "must be a decimal number of at least 0")

/** `POST /admin/affiliate/campaigns/:id/commission-preview`: an order to price, with items or a total. */
export const AdminCommissionPreview = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          sku: z.string().min(1).max(255),
          item_value: previewAmount,
          quantity: z.number().int().min(1).max(100_000).optional(),
          product_id: z.string().max(255).optional(),
          category: z.array(z.string().max(255)).max(50).optional(),
          collection: z.string().max(255).optional(),
        })
      )
      .max(100)
      .optional(),
    order_total: previewAmount.optional(),
    order_currency: z.string().regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO 4217 code").refine(isKnownCurrency, "is not a known ISO 4217 currency"),
    customer_type: z.enum(["new", "returning"]).optional(),
    affiliate_id: z.string().min(1).optional(),
  })
  .refine((b) => b.items?.length || b.order_total !== undefined, { path: ["order_total"], message: "give items or an order_total" })
export type AdminCommissionPreviewType = z.infer<typeof AdminCommissionPreview>
