import { z } from "@medusajs/framework/zod"
import { affiliateFields } from "../../src/api/admin/affiliate/affiliates/query-config"
import {
  AdminCreateAffiliate,
  AdminGetAffiliateParams,
  AdminGetAffiliatesParams,
  AdminLinkAffiliatePromotion,
  AdminTrustAffiliate,
  AdminUpdateAffiliate,
} from "../../src/api/admin/affiliate/affiliates/validators"
import { campaignFields } from "../../src/api/admin/affiliate/campaigns/query-config"
import {
  AdminCommissionPreview,
  AdminCreateCampaign,
  AdminGetCampaignParams,
  AdminGetCampaignsParams,
  AdminRegenerateApiKey,
  AdminUpdateCampaign,
} from "../../src/api/admin/affiliate/campaigns/validators"
import { clickFields } from "../../src/api/admin/affiliate/clicks/query-config"
import { AdminExportClicksParams, AdminGetClicksParams } from "../../src/api/admin/affiliate/clicks/validators"
import { conversionFields } from "../../src/api/admin/affiliate/conversions/query-config"
import {
  AdminApproveConversion,
  AdminExportConversionsParams,
  AdminGetConversionParams,
  AdminGetConversionsParams,
  AdminRejectConversion,
} from "../../src/api/admin/affiliate/conversions/validators"
import { DELIVERY_FIELDS } from "../../src/api/admin/affiliate/outbound-deliveries/query-config"
import { AdminGetDeliveriesParams } from "../../src/api/admin/affiliate/outbound-deliveries/validators"
import { ERASURE_FIELDS } from "../../src/api/admin/affiliate/erasures/query-config"
import { AdminCreateErasure, AdminGetErasuresParams } from "../../src/api/admin/affiliate/erasures/validators"
import { requestLogFields } from "../../src/api/admin/affiliate/requests/query-config"
import { RETENTION_RUN_FIELDS } from "../../src/api/admin/affiliate/retention/route"
import { AdminGetRequestsParams } from "../../src/api/admin/affiliate/requests/validators"
import { AdminGetBreakdownParams, AdminGetCampaignSeriesParams, AdminGetCampaignTotalsParams, AdminTestClick } from "../../src/api/admin/affiliate/stats/validators"
import { SIGNAL_CODES } from "../../src/modules/affiliate/utils/fraud-signals"
import { payoutFields } from "../../src/api/admin/affiliate/payouts/query-config"
import {
  AdminCreatePayouts,
  AdminGetBalancesParams,
  AdminGetPayoutsParams,
  AdminMarkPayoutPaid,
} from "../../src/api/admin/affiliate/payouts/validators"
import { validationBodyDocumented, validationResult } from "../../src/modules/affiliate/utils/validation-input"
import { applicationFields } from "../../src/api/admin/affiliate/applications/query-config"
import { AdminApproveApplication, AdminGetApplicationParams, AdminGetApplicationsParams, AdminRejectApplication } from "../../src/api/admin/affiliate/applications/validators"
import { AdminUpdateProgramSettings } from "../../src/api/admin/affiliate/settings/validators"
import { WEBHOOK_DELIVERY_FIELDS, WEBHOOK_FIELDS } from "../../src/api/admin/affiliate/webhooks/query-config"
import { AdminCreateWebhook, AdminGetWebhookDeliveriesParams, AdminUpdateWebhook } from "../../src/api/admin/affiliate/webhooks/validators"
import { API_VERSION, buildDocument, DocumentSpec, JsonSchema, Operation } from "./build-document"
import { medusaError } from "./medusa-error"

/*
 * The admin API's answers name their top-level keys; an entity names the fields its route returns
 * by default (the query configs' lists), without types.
 */
const entity = (fields: string[]) => {
  const topLevel = new Set(fields.map((field) => field.split(".")[0]))
  return z.looseObject(Object.fromEntries([...topLevel].map((field) => [field, z.unknown()])))
}
const countType = z
  .enum(["exact", "estimate"])
  .describe("`exact` up to 10,000 matches; above that, `count` is the database planner's estimate.")
const page = (key: string, item: z.ZodType) =>
  z.object({ [key]: z.array(item), count: z.number().int(), count_type: countType, offset: z.number().int(), limit: z.number().int() })
const list = (key: string, fields: string[]) => page(key, entity(fields))
/** A list of a table that grows with traffic: also a cursor to the next page, for `after`. */
const cursorList = (key: string, fields: string[]) =>
  page(key, entity(fields)).extend({
    next_cursor: z.string().nullable().describe("Pass as `after` for the next page (default order only); null on the last page."),
  })
const one = (key: string, fields: string[]) => z.object({ [key]: entity(fields) })
const deleted = (object: string) => z.object({ id: z.string(), object: z.literal(object), deleted: z.literal(true) })

const trackingLink = z.object({ campaign_id: z.string(), campaign_name: z.string(), url: z.string() })
const affiliate = entity(affiliateFields).extend({ tracking_links: z.array(trackingLink).optional() })
const s2sSetup = z.object({
  api_key: z.string().nullable().describe("Null when the stored key cannot be decrypted with the configured encryption keys: see `key_problem`."),
  key_problem: z.string().nullable().describe("Why the key is not shown, and what to do (add the old encryption key to previousEncryptionKeys, or regenerate)."),
  endpoint_url: z.string(),
  endpoint_url_source: z
    .enum(["public_url", "request", "medusa_backend_url"])
    .describe(
      "`public_url`: the publicUrl option; `request`: not configured, so the URL this admin request was addressed to; `medusa_backend_url`: MEDUSA_BACKEND_URL, when the request's address cannot be used."
    ),
  endpoint_url_notice: z.string().nullable().describe("Shown with the URL when it does not come from the publicUrl option, naming MEDUSA_BACKEND_URL when it was passed over."),
  method: z.literal("POST"),
  parameters: z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string() })),
  example_curl: z.string(),
  previous_key_expires_at: z.string().nullable(),
})

const reencryptCounts = z.object({ reencrypted: z.number().int(), already_current: z.number().int(), unreadable: z.number().int() })
const money = z.object({ currency_code: z.string(), amount: z.string().describe("A decimal string in the currency's minor unit.") })
const affiliatePromotion = z.object({
  id: z.string(),
  affiliate_id: z.string(),
  campaign_id: z.string(),
  campaign_name: z.string().nullable(),
  promotion_id: z.string(),
  code: z.string().nullable().describe("Read from Medusa's promotion through the module link."),
  promotion_status: z.string().nullable(),
  created_at: z.string(),
})
const payoutLine = z.object({
  id: z.string(),
  type: z.enum(["conversion", "adjustment"]),
  conversion_id: z.string().nullable(),
  adjustment_id: z.string().nullable(),
  amount: z.string().describe("Negative for an adjustment the affiliate owes back."),
  campaign_id: z.string().nullable(),
  order_id: z.string().nullable(),
  source: z.string().nullable(),
  occurred_at: z.string().nullable(),
  reason: z.string().nullable(),
})
const payoutWithLines = entity(payoutFields).extend({ lines: z.array(payoutLine) })
const trust = z.object({
  id: z.string(),
  affiliate_id: z.string(),
  code: z.enum(SIGNAL_CODES),
  created_by: z.string().nullable().describe("`user:<id>` of the admin who decided."),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
  revoked_by: z.string().nullable(),
})
const breakdown = z.object({
  by: z.enum(["country", "device", "referrer"]),
  days: z.number().int(),
  rows: z
    .array(
      z.object({
        key: z.string().describe("An ISO 3166 country code, a device type or a referring host; `unknown` when not known, `direct` without a referrer."),
        clicks: z.number().int().describe("Every visit, repeat visits included."),
        unique_clicks: z.number().int().describe("One per visitor and link within the campaign's unique-click window."),
        conversions: z.number().int().describe("Live conversions, any status."),
        commission: z.array(money).describe("Pending, approved and paid, per currency."),
      })
    )
    .describe("The most clicked first."),
})
const breakdownDescriptions = {
  by: "`country` (from the CDN's header), `device` or `referrer` (the referring host).",
  days: "The last 1 to 365 UTC days (default 30).",
}
/** A CSV download: `text/csv; charset=utf-8`, RFC 4180, formulas neutralised. */
const csv = (description: string) => ({
  description: `${description} RFC 4180, UTF-8, a header row; a cell a spreadsheet would run as a formula starts with \`'\`. Streamed.`,
  body: undefined,
  media: { "text/csv": { type: "string" } },
})

type AdminOperation = Omit<Operation, "tags" | "answers"> & {
  tag: string
  answer: { description: string; body?: z.ZodType; media?: Record<string, JsonSchema> }
  /** Other refusals than 400, 401 and 404, with what they mean here. */
  refusals?: Record<number, string>
  /** The success status, when not 200. */
  status?: number
}

/** Every admin operation may answer 400 (invalid input) and 401; one on `{id}` also 404. */
function adminOperation({ tag, answer, refusals, status = 200, ...op }: AdminOperation): Operation {
  return {
    ...op,
    tags: [tag],
    answers: {
      [status]: answer,
      400: medusaError("Invalid query or body: the message names the field."),
      401: medusaError("Not authenticated as an admin user."),
      ...(op.path.includes("{id}") && { 404: medusaError("No such resource.") }),
      ...Object.fromEntries(Object.entries(refusals ?? {}).map(([status, description]) => [status, medusaError(description)])),
    },
  }
}

const CAMPAIGNS = "/admin/affiliate/campaigns"
const AFFILIATES = "/admin/affiliate/affiliates"
const CONVERSIONS = "/admin/affiliate/conversions"
const PAYOUTS = "/admin/affiliate/payouts"
const payoutId = { id: "The payout's id." }
const campaignId = { id: "The campaign's id." }
const affiliateId = { id: "The affiliate's id." }
const conversionId = { id: "The conversion's id." }

const operations: AdminOperation[] = [
  {
    method: "get",
    path: CAMPAIGNS,
    operationId: "listCampaigns",
    summary: "List campaigns",
    tag: "Campaigns",
    query: AdminGetCampaignsParams,
    answer: { description: "A page of campaigns.", body: list("campaigns", campaignFields) },
  },
  {
    method: "post",
    path: CAMPAIGNS,
    operationId: "createCampaign",
    summary: "Create a campaign and its API key",
    tag: "Campaigns",
    query: AdminGetCampaignParams,
    body: { schema: AdminCreateCampaign },
    answer: { description: "The campaign.", body: one("campaign", campaignFields) },
    refusals: { 422: "The handle is taken." },
  },
  {
    method: "get",
    path: `${CAMPAIGNS}/{id}`,
    operationId: "getCampaign",
    summary: "Retrieve a campaign",
    tag: "Campaigns",
    pathParams: campaignId,
    query: AdminGetCampaignParams,
    answer: { description: "The campaign.", body: one("campaign", campaignFields) },
  },
  {
    method: "post",
    path: `${CAMPAIGNS}/{id}`,
    operationId: "updateCampaign",
    summary: "Update a campaign",
    description: "A partial update; the commission rule is checked as merged with the stored campaign.",
    tag: "Campaigns",
    pathParams: campaignId,
    query: AdminGetCampaignParams,
    body: { schema: AdminUpdateCampaign },
    answer: { description: "The campaign.", body: one("campaign", campaignFields) },
    refusals: { 422: "The handle is taken." },
  },
  {
    method: "delete",
    path: `${CAMPAIGNS}/{id}`,
    operationId: "deleteCampaign",
    summary: "Delete a campaign",
    description: "A soft delete: its links and API key stop working.",
    tag: "Campaigns",
    pathParams: campaignId,
    answer: { description: "Deleted.", body: deleted("affiliate_campaign") },
  },
  {
    method: "get",
    path: `${CAMPAIGNS}/{id}/s2s`,
    operationId: "getCampaignS2sSetup",
    summary: "The campaign's S2S setup",
    description: "The live API key, the endpoint and its parameters, an example cURL.",
    tag: "Campaigns",
    pathParams: campaignId,
    answer: { description: "The S2S setup.", body: s2sSetup },
  },
  {
    method: "post",
    path: `${CAMPAIGNS}/{id}/commission-preview`,
    operationId: "previewCommission",
    summary: "What would this order earn",
    description: "Prices an order under the campaign's rules as they are now, item by item, with the rule each matched; records nothing. With `affiliate_id`, that affiliate's sales this month count for tiers.",
    tag: "Campaigns",
    pathParams: campaignId,
    body: { schema: AdminCommissionPreview },
    answer: {
      description: "The commission, the rate and rule of each item.",
      body: z.object({ preview: z.looseObject({ commission_amount: z.string(), commission_currency: z.string(), items: z.array(z.looseObject({})) }) }),
    },
  },
  {
    method: "post",
    path: `${CAMPAIGNS}/{id}/s2s/regenerate`,
    operationId: "regenerateCampaignApiKey",
    summary: "Regenerate the campaign's API key",
    description: "A new key at once; the old one stops now or after `grace_period_hours`.",
    tag: "Campaigns",
    pathParams: campaignId,
    body: { schema: AdminRegenerateApiKey },
    answer: { description: "The S2S setup with the new key.", body: s2sSetup },
  },
  {
    method: "post",
    path: `${CAMPAIGNS}/{id}/outbound/test`,
    operationId: "testCampaignOutbound",
    summary: "Send a test conversion to the outbound target",
    tag: "Outbound",
    pathParams: campaignId,
    answer: { description: "The delivery with its attempt.", body: one("delivery", DELIVERY_FIELDS) },
  },
  {
    method: "post",
    path: `${CAMPAIGNS}/{id}/test-click`,
    operationId: "createTestClick",
    summary: "Record a test click",
    description: "For the setup's \"Send test conversion\"; without an affiliate id the oldest active affiliate is used.",
    tag: "Campaigns",
    pathParams: campaignId,
    body: { schema: AdminTestClick },
    answer: { description: "The click.", body: z.object({ click_token: z.string(), click_id: z.string(), affiliate_id: z.string() }) },
  },
  {
    method: "get",
    path: `${CAMPAIGNS}/{id}/stats`,
    operationId: "getCampaignStats",
    summary: "A campaign's daily series and totals",
    tag: "Stats",
    pathParams: campaignId,
    query: AdminGetCampaignSeriesParams,
    descriptions: { days: "7, 30 or 90." },
    answer: {
      description: "A point per UTC day and the all-time totals; `filtered_clicks` counts crawlers' visits, which earn no click.",
      body: z.object({ days: z.number().int(), series: z.array(z.looseObject({})), totals: z.looseObject({}) }),
    },
  },
  {
    method: "get",
    path: `${CAMPAIGNS}/{id}/breakdown`,
    operationId: "getCampaignBreakdown",
    summary: "Where a campaign's traffic came from",
    description: "Clicks (raw and unique), live conversions and commission per country, device or referring host, from the rollups.",
    tag: "Stats",
    pathParams: campaignId,
    query: AdminGetBreakdownParams,
    descriptions: breakdownDescriptions,
    answer: { description: "A row per key.", body: breakdown },
  },
  {
    method: "get",
    path: "/admin/affiliate/stats/campaigns",
    operationId: "listCampaignStats",
    summary: "Totals per campaign",
    tag: "Stats",
    query: AdminGetCampaignTotalsParams,
    answer: {
      description: "Clicks, filtered clicks (crawlers' visits, no token), live conversions and commission per campaign.",
      body: z.object({ stats: z.array(z.looseObject({})) }),
    },
  },
  {
    method: "get",
    path: AFFILIATES,
    operationId: "listAffiliates",
    summary: "List affiliates",
    tag: "Affiliates",
    query: AdminGetAffiliatesParams,
    answer: { description: "A page of affiliates.", body: page("affiliates", affiliate) },
  },
  {
    method: "post",
    path: AFFILIATES,
    operationId: "createAffiliate",
    summary: "Create an affiliate",
    tag: "Affiliates",
    query: AdminGetAffiliateParams,
    body: { schema: AdminCreateAffiliate },
    answer: { description: "The affiliate with its tracking links.", body: z.object({ affiliate }) },
    refusals: { 422: "The code is taken." },
  },
  {
    method: "get",
    path: `${AFFILIATES}/{id}`,
    operationId: "getAffiliate",
    summary: "Retrieve an affiliate",
    tag: "Affiliates",
    pathParams: affiliateId,
    query: AdminGetAffiliateParams,
    answer: { description: "The affiliate with its tracking links.", body: z.object({ affiliate }) },
  },
  {
    method: "post",
    path: `${AFFILIATES}/{id}`,
    operationId: "updateAffiliate",
    summary: "Update an affiliate",
    tag: "Affiliates",
    pathParams: affiliateId,
    query: AdminGetAffiliateParams,
    body: { schema: AdminUpdateAffiliate },
    answer: { description: "The affiliate with its tracking links.", body: z.object({ affiliate }) },
    refusals: { 422: "The code is taken." },
  },
  {
    method: "delete",
    path: `${AFFILIATES}/{id}`,
    operationId: "deleteAffiliate",
    summary: "Delete an affiliate",
    description: "A soft delete: its links stop recording clicks.",
    tag: "Affiliates",
    pathParams: affiliateId,
    answer: { description: "Deleted.", body: deleted("affiliate") },
  },
  {
    method: "get",
    path: "/admin/affiliate/clicks",
    operationId: "listClicks",
    summary: "List clicks",
    description: "The IP only as a keyed hash.",
    tag: "Clicks",
    query: AdminGetClicksParams,
    answer: { description: "A page of clicks.", body: cursorList("clicks", clickFields) },
  },
  {
    method: "get",
    path: CONVERSIONS,
    operationId: "listConversions",
    summary: "List conversions",
    tag: "Conversions",
    query: AdminGetConversionsParams,
    answer: { description: "A page of conversions.", body: cursorList("conversions", conversionFields) },
  },
  {
    method: "get",
    path: `${CONVERSIONS}/{id}`,
    operationId: "getConversion",
    summary: "Retrieve a conversion",
    tag: "Conversions",
    pathParams: conversionId,
    query: AdminGetConversionParams,
    answer: { description: "The conversion.", body: one("conversion", conversionFields) },
  },
  {
    method: "post",
    path: `${CONVERSIONS}/{id}/approve`,
    operationId: "approveConversion",
    summary: "Approve a pending conversion",
    description:
      "Pending, live conversions only: a test conversion is never approved. A conversion that is no longer pending (another review won, or the hold period approved it) answers 409 saying what it is now.",
    tag: "Conversions",
    pathParams: conversionId,
    query: AdminGetConversionParams,
    body: { schema: AdminApproveConversion },
    answer: { description: "The conversion.", body: one("conversion", conversionFields) },
  },
  {
    method: "post",
    path: `${CONVERSIONS}/{id}/reject`,
    operationId: "rejectConversion",
    summary: "Reject a pending conversion",
    description: "Pending conversions only; one that is no longer pending answers 409 saying what it is now.",
    tag: "Conversions",
    pathParams: conversionId,
    query: AdminGetConversionParams,
    body: { schema: AdminRejectConversion },
    answer: { description: "The conversion.", body: one("conversion", conversionFields) },
  },
  {
    method: "post",
    path: `${CONVERSIONS}/validate`,
    operationId: "validateConversions",
    summary: "Validate conversions (JSON or a CSV upload)",
    description:
      "The shop's validation (see the public `s2sValidate`) from the admin: the same body plus `campaign_id` and `dry_run` (answers what would " +
      "happen, changes nothing). Or a CSV upload: `Content-Type: text/csv`, `?campaign_id=…&dry_run=…`, columns order_id,status,reason,order_total " +
      "(at most 10,000 rows, UTF-8; a file with unknown columns is refused whole).",
    tag: "Conversions",
    body: { schema: validationBodyDocumented.extend({ campaign_id: z.string(), dry_run: z.boolean().optional() }) },
    answer: {
      description: "One result per entry, in order.",
      body: z.object({
        message: z.string(),
        counts: z.object({ updated: z.number().int(), unchanged: z.number().int(), failed: z.number().int() }),
        results: z.array(validationResult),
        dry_run: z.boolean(),
      }),
    },
  },
  {
    method: "get",
    path: `${CONVERSIONS}/{id}/history`,
    operationId: "getConversionHistory",
    summary: "A conversion's history",
    description: "Every change of its status or amounts, the oldest first, by whatever path (S2S validation, an admin, a cancel or refund, the hold period, payouts).",
    tag: "Conversions",
    pathParams: conversionId,
    answer: {
      description: "The changes.",
      body: z.object({
        history: z.array(
          z.object({
            created_at: z.string(),
            actor: z.string().describe('"s2s", "store", "system" or "user:<id>"'),
            field: z.string(),
            from: z.string().nullable(),
            to: z.string().nullable(),
            reason: z.string().nullable(),
          })
        ),
      }),
    },
  },
  {
    method: "get",
    path: "/admin/affiliate/requests",
    operationId: "listRequestLog",
    summary: "The request log",
    description: "Every S2S call and store decision, newest first: why did it (not) fire? Holds a key's prefix, never the key.",
    tag: "Request log",
    query: AdminGetRequestsParams,
    answer: { description: "A page of the request log.", body: cursorList("requests", requestLogFields) },
  },
  {
    method: "get",
    path: "/admin/affiliate/outbound-deliveries",
    operationId: "listOutboundDeliveries",
    summary: "The outbound outbox",
    tag: "Outbound",
    query: AdminGetDeliveriesParams,
    answer: { description: "A page of deliveries, each with its attempts.", body: cursorList("deliveries", DELIVERY_FIELDS) },
  },
  {
    method: "get",
    path: "/admin/affiliate/orders/{id}/attribution",
    operationId: "getOrderAttribution",
    summary: "An order's affiliate attribution",
    description:
      "The cart's attribution and consent, the click, the conversions, their deliveries and the order's request-log entries (why it was or was not credited).",
    tag: "Orders",
    pathParams: { id: "The Medusa order's id." },
    answer: {
      description: "Everything the order page's widget shows.",
      body: z.object({
        order_id: z.string(),
        attribution: z.looseObject({}).nullable(),
        conversions: z.array(z.looseObject({})),
        deliveries: z.array(z.looseObject({})),
        request_log: z.array(z.looseObject({})),
      }),
    },
  },
  {
    method: "get",
    path: `${AFFILIATES}/{id}/promotions`,
    operationId: "listAffiliatePromotions",
    summary: "An affiliate's promotion codes",
    tag: "Coupon codes",
    pathParams: affiliateId,
    answer: { description: "The Medusa promotions the affiliate owns, each with its code.", body: z.object({ promotions: z.array(affiliatePromotion) }) },
  },
  {
    method: "post",
    path: `${AFFILIATES}/{id}/promotions`,
    operationId: "linkAffiliatePromotion",
    summary: "Give a promotion code to an affiliate",
    description:
      "`{ promotion_id, campaign_id }` links an existing Medusa promotion; `{ promotion: { code, type, value, currency_code? }, campaign_id }` creates " +
      "one (a manual code off the items) and links it. An order that uses the code credits the affiliate in the campaign.",
    tag: "Coupon codes",
    pathParams: affiliateId,
    body: { schema: AdminLinkAffiliatePromotion },
    answer: { description: "The affiliate's promotion.", body: z.object({ promotion: affiliatePromotion }) },
    refusals: { 409: "The promotion already belongs to an affiliate (one affiliate per promotion)." },
  },
  {
    method: "delete",
    path: `${AFFILIATES}/{id}/promotions/{promotion_id}`,
    operationId: "unlinkAffiliatePromotion",
    summary: "Take a promotion code from an affiliate",
    description: "The promotion stays in Medusa and credits no one.",
    tag: "Coupon codes",
    pathParams: { ...affiliateId, promotion_id: "The Medusa promotion's id." },
    answer: { description: "Unlinked.", body: deleted("affiliate_promotion") },
  },
  {
    method: "get",
    path: `${AFFILIATES}/{id}/stats`,
    operationId: "getAffiliateStats",
    summary: "An affiliate's figures",
    description: "All-time totals, a point per UTC day and the balance: the same figures as the affiliate's statement.",
    tag: "Stats",
    pathParams: affiliateId,
    query: AdminGetCampaignSeriesParams,
    descriptions: { days: "7, 30 or 90." },
    answer: {
      description: "The affiliate's figures.",
      body: z.object({ days: z.number().int(), totals: z.looseObject({}), series: z.array(z.looseObject({})), balance: z.array(money) }),
    },
  },
  {
    method: "get",
    path: `${AFFILIATES}/{id}/breakdown`,
    operationId: "getAffiliateBreakdown",
    summary: "Where an affiliate's traffic came from",
    description: "Clicks (raw and unique), live conversions and commission per country, device or referring host, from the rollups.",
    tag: "Stats",
    pathParams: affiliateId,
    query: AdminGetBreakdownParams,
    descriptions: breakdownDescriptions,
    answer: { description: "A row per key.", body: breakdown },
  },
  {
    method: "get",
    path: `${AFFILIATES}/{id}/trust`,
    operationId: "listAffiliateTrust",
    summary: "The signals an affiliate is trusted for",
    description: "Every decision, the newest first; revoked ones stay with who revoked them and when.",
    tag: "Trust",
    pathParams: affiliateId,
    answer: { description: "The decisions.", body: z.object({ trust: z.array(trust) }) },
  },
  {
    method: "post",
    path: `${AFFILIATES}/{id}/trust`,
    operationId: "trustAffiliate",
    summary: "Trust an affiliate for a fraud signal",
    description:
      "The signal is no longer raised on the affiliate's conversions; their pending conversions lose it, each with a history row, and those it alone held leave the review queue. Trusting again changes nothing.",
    tag: "Trust",
    pathParams: affiliateId,
    body: { schema: AdminTrustAffiliate },
    answer: {
      description: "The trust, and how many pending conversions the signal no longer holds.",
      body: z.object({ trust, conversions_updated: z.number().int() }),
    },
  },
  {
    method: "delete",
    path: `${AFFILIATES}/{id}/trust/{code}`,
    operationId: "revokeAffiliateTrust",
    summary: "Stop trusting an affiliate for a signal",
    description: "Later conversions raise it again; those already recorded stay as they are.",
    tag: "Trust",
    pathParams: { ...affiliateId, code: "The signal's code." },
    answer: { description: "The trust as revoked.", body: z.object({ trust }) },
  },
  {
    method: "get",
    path: `${AFFILIATES}/{id}/statement-link`,
    operationId: "getAffiliateStatementLink",
    summary: "Whether the affiliate has a statement link",
    description: "Its link itself is shown only when it is made: only its token's hash is kept.",
    tag: "Affiliate statement",
    pathParams: affiliateId,
    answer: { description: "The live link's creation time, or null.", body: z.object({ statement_link: z.object({ created_at: z.string() }).nullable() }) },
  },
  {
    method: "post",
    path: `${AFFILIATES}/{id}/statement-link`,
    operationId: "createAffiliateStatementLink",
    summary: "Make (or rotate) the affiliate's statement link",
    description: "A new private link to the affiliate's read-only statement; any earlier one stops working at once.",
    tag: "Affiliate statement",
    pathParams: affiliateId,
    answer: { description: "The link, shown this once.", body: z.object({ url: z.string() }) },
  },
  {
    method: "delete",
    path: `${AFFILIATES}/{id}/statement-link`,
    operationId: "revokeAffiliateStatementLink",
    summary: "Revoke the affiliate's statement link",
    description: "The link answers 404 from now on.",
    tag: "Affiliate statement",
    pathParams: affiliateId,
    answer: { description: "Revoked.", body: deleted("affiliate_statement_link") },
  },
  {
    method: "get",
    path: "/admin/affiliate/balances",
    operationId: "listBalances",
    summary: "What each affiliate is owed",
    description: "Per affiliate and currency: approved conversions and unpaid commission adjustments not yet in a payout (non-zero only).",
    tag: "Payouts",
    query: AdminGetBalancesParams,
    answer: {
      description: "The balances.",
      body: z.object({ balances: z.array(z.object({ affiliate_id: z.string(), currency_code: z.string(), amount: z.string() })) }),
    },
  },
  {
    method: "get",
    path: PAYOUTS,
    operationId: "listPayouts",
    summary: "List payouts",
    tag: "Payouts",
    query: AdminGetPayoutsParams,
    answer: { description: "A page of payouts, newest first.", body: list("payouts", payoutFields) },
  },
  {
    method: "post",
    path: PAYOUTS,
    operationId: "createPayouts",
    summary: "Create payouts",
    description:
      "One open payout per affiliate and currency whose balance is positive and at least `minimum_amount` (every affiliate, or `affiliate_id`). " +
      "Its lines are the approved conversions and unpaid adjustments; its amount is their sum.",
    tag: "Payouts",
    body: { schema: AdminCreatePayouts },
    answer: { description: "The payouts made (none when no balance qualifies), with their lines.", body: z.object({ payouts: z.array(payoutWithLines) }) },
  },
  {
    method: "get",
    path: `${PAYOUTS}/{id}`,
    operationId: "getPayout",
    summary: "Retrieve a payout with its lines",
    description: "With where the partner asked to be paid (`payout_details`, entered in the partner portal, stored encrypted; null when none).",
    tag: "Payouts",
    pathParams: payoutId,
    answer: {
      description: "The payout.",
      body: z.object({
        payout: payoutWithLines,
        payout_details: z
          .object({ method: z.enum(["paypal", "bank"]), paypal_email: z.string().optional(), iban: z.string().optional(), account_name: z.string().optional(), updated_at: z.string() })
          .nullable(),
      }),
    },
  },
  {
    method: "post",
    path: `${PAYOUTS}/{id}/paid`,
    operationId: "markPayoutPaid",
    summary: "Mark a payout paid",
    description: "With the transfer's reference; its conversions become `paid`.",
    tag: "Payouts",
    pathParams: payoutId,
    body: { schema: AdminMarkPayoutPaid },
    answer: { description: "The paid payout.", body: z.object({ payout: payoutWithLines }) },
    refusals: { 409: "The payout is already paid." },
  },
  {
    method: "get",
    path: `${PAYOUTS}/{id}/export`,
    operationId: "exportPayoutLines",
    summary: "Export a payout's lines (CSV)",
    tag: "Exports",
    pathParams: payoutId,
    answer: csv("The payout's lines; they add up to its amount."),
  },
  {
    method: "get",
    path: `${CONVERSIONS}/export`,
    operationId: "exportConversions",
    summary: "Export conversions (CSV)",
    description: "Every conversion the list's filters match, newest first. No user agent, IP hash, device or metadata.",
    tag: "Exports",
    query: AdminExportConversionsParams,
    answer: csv("The conversions."),
  },
  {
    method: "get",
    path: "/admin/affiliate/clicks/export",
    operationId: "exportClicks",
    summary: "Export a campaign's clicks (CSV)",
    description: "One campaign's clicks from `from` to `to` (inclusive; a date alone is its whole UTC day), newest first. No user agent, IP hash or token.",
    tag: "Exports",
    query: AdminExportClicksParams,
    answer: csv("The clicks."),
  },
  {
    method: "get",
    path: "/admin/affiliate/retention",
    operationId: "getRetention",
    summary: "Retention settings and runs",
    description: "How long the request log is kept, when clicks lose their visitor details, and what each retention run removed and when.",
    tag: "Privacy",
    answer: {
      description: "The settings and the latest 20 runs, newest first.",
      body: z.object({ request_log_days: z.number().int(), click_details_grace_days: z.number().int(), runs: z.array(entity(RETENTION_RUN_FIELDS)) }),
    },
  },
  {
    method: "post",
    path: "/admin/affiliate/retention/run",
    operationId: "runRetention",
    summary: "Run retention now",
    description: "Starts a retention pass without waiting for the hourly job; it runs on after the answer and shows in GET /retention.",
    tag: "Privacy",
    status: 202,
    answer: { description: "Started.", body: z.object({ status: z.literal("started") }) },
  },
  {
    method: "get",
    path: "/admin/affiliate/erasures",
    operationId: "listErasures",
    summary: "Erasures made",
    description: "Counts only: never what was erased, nor the email or order it was asked for.",
    tag: "Privacy",
    query: AdminGetErasuresParams,
    answer: { description: "A page of erasures.", body: list("erasures", ERASURE_FIELDS) },
  },
  {
    method: "post",
    path: "/admin/affiliate/erasures",
    operationId: "createErasure",
    summary: "Erase one shopper's data (GDPR art. 17)",
    description:
      "By `order_id` or by customer `email` (through their orders; compared without regard to case): conversions lose user agent, IP hash, device, context and metadata; " +
      "their clicks every visitor detail and their token; outbound payloads and the answers networks gave to them are emptied; attributions and request-log entries go. Amounts stay.",
    tag: "Privacy",
    body: { schema: AdminCreateErasure },
    answer: {
      description: "The erasure's record, whether anything matched, and a sentence saying what happened.",
      body: z.object({
        erasure: entity(ERASURE_FIELDS),
        matched: z.boolean().describe("False when nothing about the shopper was found, so nothing was erased."),
        message: z.string(),
      }),
    },
  },
  {
    method: "post",
    path: "/admin/affiliate/encryption/reencrypt",
    operationId: "reencryptSecrets",
    summary: "Re-encrypt stored keys with the current encryption key",
    description:
      "The last step of rotating `encryptionKey`: every S2S and outbound key, webhook secret and payout details that a key in `previousEncryptionKeys` encrypted is encrypted " +
      "again with the current one. Running it again changes nothing.",
    tag: "Campaigns",
    answer: {
      description: "How many secrets of each kind were re-encrypted, were already current, or no configured key opens.",
      body: z.object({ api_keys: reencryptCounts, outbound_keys: reencryptCounts, webhook_secrets: reencryptCounts, payout_details: reencryptCounts }),
    },
  },
  ...partnerAdminOperations(),
]

/** The partner program: settings and the applications queue. */
function partnerAdminOperations(): AdminOperation[] {
  const settings = z.object({
    settings: z.object({ applications_open: z.boolean(), auto_approve: z.boolean(), terms_url: z.string().nullable(), application_campaign_ids: z.array(z.string()) }),
  })
  const applicationId = { id: "The application's id." }
  return [
    {
      method: "get",
      path: "/admin/affiliate/settings",
      operationId: "getProgramSettings",
      summary: "The partner program's settings",
      description: "Applications are closed until an admin opens them.",
      tag: "Partner program",
      answer: { description: "The settings.", body: settings },
    },
    {
      method: "post",
      path: "/admin/affiliate/settings",
      operationId: "updateProgramSettings",
      summary: "Update the partner program's settings",
      description: "A partial update. `application_campaign_ids` are the campaigns an approved partner joins; they must exist.",
      tag: "Partner program",
      body: { schema: AdminUpdateProgramSettings },
      answer: { description: "The settings.", body: settings },
    },
    {
      method: "get",
      path: "/admin/affiliate/applications",
      operationId: "listApplications",
      summary: "List applications",
      description: "`pending` is the queue: applications whose email is confirmed.",
      tag: "Partner program",
      query: AdminGetApplicationsParams,
      answer: { description: "A page of applications, newest first.", body: list("applications", applicationFields) },
    },
    {
      method: "get",
      path: "/admin/affiliate/applications/{id}",
      operationId: "getApplication",
      summary: "Retrieve an application",
      tag: "Partner program",
      pathParams: applicationId,
      query: AdminGetApplicationParams,
      answer: { description: "The application.", body: one("application", applicationFields) },
    },
    {
      method: "post",
      path: "/admin/affiliate/applications/{id}/approve",
      operationId: "approveApplication",
      summary: "Approve an application",
      description:
        "Makes the affiliate (with `code`, or one from the name), joins it to `application_campaign_ids`, links a login on Medusa's auth module " +
        "(actor type `affiliate`) and mails the partner a link to set a password (valid 7 days). Emits `affiliate.affiliate.approved`.",
      tag: "Partner program",
      pathParams: applicationId,
      body: { schema: AdminApproveApplication },
      answer: { description: "The application, approved, with its `affiliate_id`.", body: one("application", applicationFields) },
      refusals: { 409: "The email already has a partner account.", 422: "The code is taken." },
    },
    {
      method: "post",
      path: "/admin/affiliate/applications/{id}/reject",
      operationId: "rejectApplication",
      summary: "Reject an application",
      description: "The applicant's mail quotes the reason.",
      tag: "Partner program",
      pathParams: applicationId,
      body: { schema: AdminRejectApplication },
      answer: { description: "The application, rejected.", body: one("application", applicationFields) },
    },
    ...webhookOperations(),
  ]
}

/** Signed webhooks to the merchant's systems. */
function webhookOperations(): AdminOperation[] {
  const webhookId = { id: "The webhook's id." }
  const WEBHOOKS = "/admin/affiliate/webhooks"
  return [
    {
      method: "get",
      path: WEBHOOKS,
      operationId: "listWebhooks",
      summary: "List webhooks",
      tag: "Webhooks",
      answer: { description: "Every webhook, without its secret.", body: z.object({ webhooks: z.array(entity(WEBHOOK_FIELDS)) }) },
    },
    {
      method: "post",
      path: WEBHOOKS,
      operationId: "createWebhook",
      summary: "Create a webhook",
      description:
        "Each event named in `events` is POSTed to `url` as `{ id, type, created_at, data }`, signed in `Affiliate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">`; " +
        "retried until a 2xx (10 tries over about 3 days); 20 deliveries in a row that fail for good disable the webhook.",
      tag: "Webhooks",
      body: { schema: AdminCreateWebhook },
      answer: {
        description: "The webhook with its signing secret, shown in full only here.",
        body: z.object({ webhook: entity(WEBHOOK_FIELDS).extend({ secret: z.string().describe("`whsec_…`: keep it, it is not shown again.") }) }),
      },
    },
    {
      method: "get",
      path: `${WEBHOOKS}/{id}`,
      operationId: "getWebhook",
      summary: "Retrieve a webhook",
      description: "`disabled_reason` says why a disabled webhook stopped.",
      tag: "Webhooks",
      pathParams: webhookId,
      answer: { description: "The webhook.", body: one("webhook", WEBHOOK_FIELDS) },
    },
    {
      method: "post",
      path: `${WEBHOOKS}/{id}`,
      operationId: "updateWebhook",
      summary: "Update a webhook",
      description: "`enabled: true` starts a disabled webhook again with its count of failures at 0.",
      tag: "Webhooks",
      pathParams: webhookId,
      body: { schema: AdminUpdateWebhook },
      answer: { description: "The webhook.", body: one("webhook", WEBHOOK_FIELDS) },
    },
    {
      method: "delete",
      path: `${WEBHOOKS}/{id}`,
      operationId: "deleteWebhook",
      summary: "Delete a webhook",
      tag: "Webhooks",
      pathParams: webhookId,
      answer: { description: "Deleted.", body: deleted("affiliate_webhook") },
    },
    {
      method: "get",
      path: `${WEBHOOKS}/{id}/deliveries`,
      operationId: "listWebhookDeliveries",
      summary: "A webhook's deliveries",
      description: "Newest first, each with its `event_type`, the body it sends (`payload`) and its tries (`attempts`).",
      tag: "Webhooks",
      pathParams: webhookId,
      query: AdminGetWebhookDeliveriesParams,
      answer: { description: "A page of deliveries.", body: cursorList("deliveries", WEBHOOK_DELIVERY_FIELDS) },
    },
  ]
}

const spec: DocumentSpec = {
  info: {
    title: "Affiliate S2S: admin API",
    version: API_VERSION,
    description:
      "The plugin's admin routes under /admin/affiliate, behind Medusa's admin authentication. Fields are snake_case; lists take `limit` and " +
      "`offset` and answer with `count` and `count_type`; lists of the tables that grow with traffic also page with `after`. Generated from the zod schemas the routes validate with (`npm run openapi`).",
  },
  tags: [
    { name: "Campaigns", description: "What affiliates promote, with the S2S API key and its setup." },
    { name: "Affiliates", description: "The partners who are paid, with a tracking link per campaign." },
    { name: "Clicks", description: "Visits through affiliate links." },
    { name: "Conversions", description: "Orders attributed to clicks, and their review." },
    { name: "Request log", description: "Every S2S call and store decision, for \"why didn't it fire?\"." },
    { name: "Outbound", description: "Conversions forwarded to an external network." },
    { name: "Stats", description: "Totals and daily series for the dashboard." },
    { name: "Orders", description: "A Medusa order's attribution." },
    { name: "Privacy", description: "Retention of the request log and of click details, and erasure on request." },
    { name: "Coupon codes", description: "Medusa promotions owned by affiliates: an order that uses one credits its affiliate." },
    { name: "Payouts", description: "Balances, payouts of approved conversions and adjustments, and marking them paid." },
    { name: "Exports", description: "CSV downloads, streamed from the database." },
    { name: "Affiliate statement", description: "The private, revocable link to an affiliate's own statement." },
    { name: "Trust", description: "Fraud signals: trusting an affiliate for a signal (the review queue is `GET /admin/affiliate/conversions?flagged=true`)." },
    { name: "Partner program", description: "Applications, the queue and the program's settings." },
    { name: "Webhooks", description: "Signed webhooks that tell the merchant's systems of the plugin's events." },
  ],
  securitySchemes: {
    AdminBearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The token from `POST /auth/user/emailpass`." },
    AdminSession: { type: "apiKey", in: "cookie", name: "connect.sid", description: "The session cookie from `POST /auth/session`." },
    AdminSecretKey: { type: "http", scheme: "basic", description: "A Medusa secret API key as the username, no password." },
  },
  security: [{ AdminBearer: [] }, { AdminSession: [] }, { AdminSecretKey: [] }],
  operations: operations.map(adminOperation),
}

let document: JsonSchema | undefined

/** The admin document, built once per process. */
export function adminApiDocument(): JsonSchema {
  return (document ??= buildDocument(spec))
}
