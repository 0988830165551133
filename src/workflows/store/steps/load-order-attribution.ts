import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CouponFacts, OrderFacts } from "../../../lib/conversion-decision"
import type { CommissionRule } from "../../../modules/affiliate/utils/money"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** An affiliate's code the order used, with its campaign's commission rule for recording it. */
export type OrderCoupon = CouponFacts & { commission: CommissionRule }

export type OrderAttribution = OrderFacts & {
  order: { id: string; currency_code: string; order_total: string }
  click_id: string | null
  click_token: string | null
  commission: { commission_type: "percentage" | "flat"; commission_value: string; currency_code: string | null } | null
  outbound: { url: string; method: "POST" | "GET"; names: Record<string, string> | null } | null
  coupons: OrderCoupon[]
}

const ruleOf = (campaign: { commission_type: "percentage" | "flat"; commission_value: unknown; currency_code: string | null }) => ({
  commission_type: campaign.commission_type,
  commission_value: MathBN.convert(campaign.commission_value as number).toFixed(),
  currency_code: campaign.currency_code,
})

/**
 * Reads what the decision needs: the order's amount (item total after discounts, excluding tax
 * and shipping: `item_total - item_tax_total`), the cart's attribution, its click, campaign and
 * affiliate, and the affiliates' promotion codes the order used (Medusa links an order to the
 * promotions its cart applied). Only reads, so nothing to compensate.
 */
export const loadOrderAttributionStep = createStep(
  "load-order-affiliate-attribution",
  async ({ order_id }: { order_id: string }, { container, context }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "item_total", "item_tax_total", "created_at", "cart.id", "promotions.id", "promotions.code"],
      filters: { id: order_id },
    })
    const [attribution] = order?.cart?.id
      ? await service.listAffiliateAttributions({ cart_id: order.cart.id }, {}, context)
      : []
    const [click] = attribution?.click_id
      ? await service.listAffiliateClicks({ id: attribution.click_id }, { relations: ["campaign", "affiliate"] }, context)
      : []
    const campaign = click?.campaign
    const promotions = (order?.promotions ?? []).filter((p: { id?: string } | null) => p?.id) as { id: string; code: string | null }[]
    const owned = promotions.length
      ? await service.listAffiliatePromotions(
          { promotion_id: promotions.map((p) => p.id) },
          { relations: ["campaign", "affiliate"] },
          context
        )
      : []
    const codes = new Map(promotions.map((p) => [p.id, p.code ?? p.id]))
    const facts: OrderAttribution = {
      order: {
        id: order_id,
        currency_code: order?.currency_code ?? "usd",
        order_total: MathBN.sub(order?.item_total ?? 0, order?.item_tax_total ?? 0).toFixed(),
      },
      attribution: attribution ? { consent: attribution.consent, click_token: attribution.click_token } : null,
      click: click ?? null,
      click_id: click?.id ?? null,
      click_token: click?.click_token ?? null,
      campaign: campaign ? { status: campaign.status } : null,
      affiliate: click?.affiliate ? { status: click.affiliate.status } : null,
      commission: campaign ? ruleOf(campaign) : null,
      outbound: campaign?.outbound_url
        ? { url: campaign.outbound_url, method: campaign.outbound_method, names: campaign.outbound_parameter_names as Record<string, string> | null }
        : null,
      occurred_at: order?.created_at ?? new Date(),
      // A code whose campaign or affiliate was deleted credits no one.
      coupons: owned
        .filter((p) => p.campaign && p.affiliate)
        .map((p) => ({
          code: codes.get(p.promotion_id)!,
          campaign_id: p.campaign.id,
          affiliate_id: p.affiliate.id,
          campaign: { status: p.campaign.status, attribution_precedence: p.campaign.attribution_precedence },
          affiliate: { status: p.affiliate.status },
          commission: ruleOf(p.campaign),
        })),
    }
    return new StepResponse(facts)
  }
)
