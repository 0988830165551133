import type { Context } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { ReportingRepository } from "../repositories/reporting"
import type { TrackingRepository } from "../repositories/tracking"
import type { TrustRepository } from "../repositories/trust"
import type { ConversionInsert, RecordedConversion, RecordedLogInput } from "../types"
import type { CampaignCommission, CommissionRule, CustomerType, SoldItem } from "../utils/commission"
import { type CouponFacts, decideOrderCredits, type OrderCredit } from "../utils/conversion-decision"
import { entityId } from "../utils/entity-id"
import { detectSignals, type FraudRules, fraudRules, type Signal } from "../utils/fraud-signals"
import { priceSale } from "./price-sale"

/** A Medusa order as the store path hands it to the module: what Medusa knows, none of the plugin's data. */
export type OrderSale = {
  order_id: string
  currency_code: string
  /** The items' total after discounts, excluding tax and shipping. */
  order_total: string
  occurred_at: Date
  cart_id: string | null
  /** The order's email, for the fraud signals (never stored by the plugin). */
  email: string | null
  customer_type: CustomerType | null
  items: SoldItem[]
  /** The promotions the order applied, with their codes. */
  promotions: { id: string; code: string }[]
}

type Campaign = CampaignCommission & {
  id: string
  status: "active" | "paused" | "archived"
  attribution_precedence: "coupon" | "click"
  orders_per_click: "every" | "first"
  outbound_url: string | null
  outbound_method: "POST" | "GET"
  outbound_parameter_names: Record<string, string> | null
  fraud_rules: FraudRules
}
type OrderCoupon = CouponFacts & {
  campaign_row: Campaign
  /** The code's row: its counts feed `leaked_code`. */
  promotion: { id: string; conversions: number; conversions_without_click: number }
  affiliate_email: string | null
}

/** What the module's generated methods give this path (the service itself). */
export type OrderReads = {
  listAffiliateAttributions(filters: object, config: object, ctx: Context): Promise<any[]>
  listAffiliateClicks(filters: object, config: object, ctx: Context): Promise<any[]>
  listAffiliatePromotions(filters: object, config: object, ctx: Context): Promise<any[]>
}

export type RecordedOrderConversion = { conversion_id: string; created: boolean; campaign_id: string; via: "click" | "coupon" }

/** A click's new conversion in a campaign that forwards: what the outbox needs. */
export type OrderOutbound = {
  conversion_id: string
  campaign_id: string
  outbound: { url: string; method: "POST" | "GET"; names: Record<string, string> | null }
  click_token: string
  order_id: string
  order_total: string
  order_currency: string
}

export type RecordedOrder = {
  credits: OrderCredit<OrderCoupon>[]
  recorded: RecordedOrderConversion[]
  outbound: OrderOutbound | null
  /** What a compensation takes back: the conversions recorded (or repeats counted), and the skips' log entries. */
  undo: { recorded: RecordedConversion[]; request_log_ids: string[]; coupon_uses: { promotion_id: string; without_click: boolean }[] }
}

const campaignOf = (row: any): Campaign => ({
  id: row.id,
  status: row.status,
  attribution_precedence: row.attribution_precedence,
  orders_per_click: row.orders_per_click,
  commission_type: row.commission_type,
  // The exact stored decimal, not the number the getter rounds it to.
  commission_value: MathBN.convert(row.raw_commission_value?.value ?? row.commission_value).toFixed(),
  currency_code: row.currency_code,
  commission_rules: (row.commission_rules ?? []) as CommissionRule[],
  outbound_url: row.outbound_url,
  outbound_method: row.outbound_method,
  outbound_parameter_names: row.outbound_parameter_names,
  fraud_rules: fraudRules(row.fraud_rules),
})

/**
 * Credits a Medusa order, campaign by campaign (utils/conversion-decision.ts), to the click the
 * cart's attribution names or to the affiliate whose promotion code it used, prices each credit
 * with its campaign's rules on the order's items, and records the conversions with their items,
 * and every skip, in the request log. Run in one transaction: all of it, or none. The unique index
 * on (order, campaign) turns a second delivery of the event into `duplicate`.
 */
export async function recordOrderSale(
  deps: { reads: OrderReads; tracking: TrackingRepository; reporting: ReportingRepository; trust: TrustRepository },
  sale: OrderSale,
  sharedContext: Context
): Promise<RecordedOrder> {
  const { reads } = deps
  const [attribution] = sale.cart_id ? await reads.listAffiliateAttributions({ cart_id: sale.cart_id }, {}, sharedContext) : []
  const [click] = attribution?.click_id
    ? await reads.listAffiliateClicks({ id: attribution.click_id }, { relations: ["campaign", "affiliate"] }, sharedContext)
    : []
  const owned = sale.promotions.length
    ? await reads.listAffiliatePromotions({ promotion_id: sale.promotions.map((p) => p.id) }, { relations: ["campaign", "affiliate"] }, sharedContext)
    : []
  const codes = new Map(sale.promotions.map((p) => [p.id, p.code]))
  // A code whose campaign or affiliate was deleted credits no one.
  const coupons: OrderCoupon[] = owned
    .filter((p) => p.campaign && p.affiliate)
    .map((p) => ({
      code: codes.get(p.promotion_id)!,
      campaign_id: p.campaign.id,
      affiliate_id: p.affiliate.id,
      campaign: { status: p.campaign.status, attribution_precedence: p.campaign.attribution_precedence },
      affiliate: { status: p.affiliate.status },
      campaign_row: campaignOf(p.campaign),
      promotion: { id: p.id, conversions: p.conversions ?? 0, conversions_without_click: p.conversions_without_click ?? 0 },
      affiliate_email: p.affiliate.email ?? null,
    }))
  const clickCampaign = click?.campaign ? campaignOf(click.campaign) : null
  // Only a campaign that credits the first order of a click pays for this lookup.
  const clickConverted =
    clickCampaign?.orders_per_click === "first" ? await deps.tracking.isRepeatOrder(click, sale.order_id, false, sharedContext) : false
  const credits = decideOrderCredits({
    attribution: attribution ? { consent: attribution.consent, click_token: attribution.click_token } : null,
    click: click ?? null,
    campaign: clickCampaign ? { status: clickCampaign.status, orders_per_click: clickCampaign.orders_per_click } : null,
    affiliate: click?.affiliate ? { status: click.affiliate.status } : null,
    click_converted: clickConverted,
    occurred_at: sale.occurred_at,
    coupons,
  })

  const clickToken: string | null = attribution?.click_token ?? null
  const log = (campaign_id: string | null, token: string | null): RecordedLogInput => ({
    request_id: entityId("req"),
    source: "store",
    method: null,
    http_status: null,
    campaign_id,
    key_prefix: null,
    order_id: sale.order_id,
    click_token: token,
    is_test: false,
  })
  const result: RecordedOrder = { credits, recorded: [], outbound: null, undo: { recorded: [], request_log_ids: [], coupon_uses: [] } }
  for (const credit of credits) {
    if (!credit.record) {
      const id = await deps.tracking.insertRequestLog(
        { ...log(credit.campaign_id, credit.code ? null : clickToken), outcome: "skipped", reason: credit.reason, conversion_id: null },
        sharedContext
      )
      result.undo.request_log_ids.push(id)
      continue
    }
    const byClick = credit.via === "click"
    const campaign = byClick ? clickCampaign! : credit.coupon.campaign_row
    const affiliateId: string = byClick ? click.affiliate_id : credit.coupon.affiliate_id
    const commission = await priceSale(deps.reporting, { ...campaign, campaign_id: campaign.id }, affiliateId, saleOf(sale), sale.customer_type, sharedContext)
    // The shopper came through one of this affiliate's links (any campaign's): a code they used then was not leaked.
    const withoutClick = !byClick && click?.affiliate_id !== affiliateId
    const signals = await orderSignals(deps.trust, sale, campaign.fraud_rules, {
      affiliate_id: affiliateId,
      affiliate_email: byClick ? click.affiliate?.email ?? null : credit.coupon.affiliate_email,
      click: byClick ? click : null,
      coupon: byClick ? null : { code: credit.coupon.code, ...credit.coupon.promotion, without_click: withoutClick },
    }, sharedContext)
    const row: ConversionInsert = {
      campaign_id: campaign.id,
      affiliate_id: affiliateId,
      click_id: byClick ? click.id : null,
      order_id: sale.order_id,
      order_total: sale.order_total,
      order_currency: sale.currency_code.toLowerCase(),
      source: byClick ? "store" : "coupon",
      promotion_code: byClick ? null : credit.coupon.code,
      is_test: false,
      limited_data_use: false,
      // The store path carries no shopper context: the click has it. Its IP hash is the shopper's
      // browser's (the fraud signals count by it); retention clears it with the click's details.
      user_agent: null,
      ip_hash: byClick ? click.ip_hash ?? null : null,
      device_type: null,
      context: null,
      metadata: null,
      occurred_at: new Date(sale.occurred_at),
      customer_type: sale.customer_type,
      commission,
      signals,
    }
    const recorded = await deps.tracking.recordConversion(row, { ...log(credit.campaign_id, byClick ? clickToken : null), reason: credit.reason }, sharedContext)
    result.undo.recorded.push(recorded)
    result.recorded.push({ conversion_id: recorded.conversion_id, created: recorded.created, campaign_id: credit.campaign_id, via: credit.via })
    if (!byClick && recorded.created) {
      await deps.trust.countCouponUse(credit.coupon.promotion.id, withoutClick, 1, sharedContext)
      result.undo.coupon_uses.push({ promotion_id: credit.coupon.promotion.id, without_click: withoutClick })
    }
    if (byClick && recorded.created && campaign.outbound_url) {
      result.outbound = {
        conversion_id: recorded.conversion_id,
        campaign_id: campaign.id,
        outbound: { url: campaign.outbound_url, method: campaign.outbound_method, names: campaign.outbound_parameter_names },
        click_token: click.click_token,
        order_id: sale.order_id,
        order_total: sale.order_total,
        order_currency: row.order_currency,
      }
    }
  }
  return result
}

const saleOf = (sale: OrderSale) => ({ order_total: sale.order_total, order_currency: sale.currency_code.toLowerCase(), items: sale.items, occurred_at: new Date(sale.occurred_at) })

/**
 * The fraud signals of one credit of the order (utils/fraud-signals.ts): its email against the
 * affiliate's, its click's time, IP hash and paid-search id, and for a code its counts with this
 * order in them. One read of the affiliate's trusted signals and IP facts.
 */
async function orderSignals(
  trust: TrustRepository,
  sale: OrderSale,
  rules: FraudRules,
  credit: {
    affiliate_id: string
    affiliate_email: string | null
    click: { created_at: Date; ip_hash: string | null; paid_search_param: string | null } | null
    coupon: { code: string; conversions: number; conversions_without_click: number; without_click: boolean } | null
  },
  sharedContext: Context
): Promise<Signal[]> {
  const ipHash = credit.click?.ip_hash ?? null
  const context = await trust.signalContext(credit.affiliate_id, ipHash, sharedContext)
  const coupon = credit.coupon
  return detectSignals(
    {
      order_email: sale.email,
      affiliate_email: credit.affiliate_email,
      clicked_at: credit.click ? new Date(credit.click.created_at) : null,
      occurred_at: new Date(sale.occurred_at),
      known_ip: context.known_ip,
      ip_conversions_last_hour: context.ip_conversions_last_hour === null ? null : context.ip_conversions_last_hour + 1,
      coupon: coupon
        ? {
            code: coupon.code,
            conversions: coupon.conversions + 1,
            without_click: coupon.conversions_without_click + (coupon.without_click ? 1 : 0),
            this_without_click: coupon.without_click,
          }
        : null,
      paid_search_parameter: credit.click?.paid_search_param ?? null,
    },
    rules,
    context.trusted_signals
  )
}
