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
  }[]
}

/** The order's store conversions with their commission rule and the amount refunded so far. */
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
      { order_id, source: "store", is_test: false },
      { relations: ["campaign", "adjustments"] }, context
    )
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
      })),
    }
    return new StepResponse(facts)
  }
)
