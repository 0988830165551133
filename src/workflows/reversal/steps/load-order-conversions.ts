import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type OrderConversionFacts = {
  refunded_total: string
  conversions: {
    id: string
    status: string
    order_total: string
    commission_amount: string
    commission_currency: string
    commission_type: "percentage" | "flat"
    refunded_total: string
    status_reason: string | null
    adjusted_total: string
    /** In a payout (open or paid): its amount is settled, so a change becomes an adjustment. */
    in_payout: boolean
  }[]
}

/**
 * The order's conversions from the store (by click or by an affiliate's code) with their commission
 * rule, the amount refunded so far, and whether a payout holds them.
 */
export const loadOrderConversionsStep = createStep(
  "load-order-affiliate-conversions",
  async ({ order_id }: { order_id: string }, { container, context }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.refunded_amount"],
      filters: { id: order_id },
    })
    const refunded = MathBN.sum(...(order?.payment_collections ?? []).map((pc: any) => pc?.refunded_amount ?? 0))
    const rows = await service.listAffiliateConversions(
      { order_id, source: ["store", "coupon"], is_test: false },
      { relations: ["campaign", "adjustments"] }, context
    )
    const lines = rows.length
      ? await service.listAffiliatePayoutLines({ conversion_id: rows.map((c) => c.id) }, { select: ["conversion_id"] }, context)
      : []
    const inPayout = new Set(lines.map((l) => l.conversion_id))
    const facts: OrderConversionFacts = {
      refunded_total: refunded.toFixed(),
      conversions: rows.map((c) => ({
        id: c.id,
        status: c.status,
        order_total: MathBN.convert(c.order_total).toFixed(),
        commission_amount: MathBN.convert(c.commission_amount).toFixed(),
        commission_currency: c.commission_currency,
        commission_type: c.campaign.commission_type,
        refunded_total: MathBN.convert(c.refunded_total).toFixed(),
        status_reason: c.status_reason,
        adjusted_total: MathBN.sum(...c.adjustments.map((a) => a.amount)).toFixed(),
        in_payout: inPayout.has(c.id),
      })),
    }
    return new StepResponse(facts)
  }
)
