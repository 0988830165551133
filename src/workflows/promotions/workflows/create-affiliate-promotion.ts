import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { linkAffiliatePromotionWorkflow } from "./link-affiliate-promotion"

export type NewAffiliatePromotion = {
  /** The code shoppers type at checkout. */
  code: string
  /** A percentage off the items, or a fixed amount off them in `currency_code`. */
  type: "percentage" | "fixed"
  value: string | number
  currency_code?: string
}

export type CreateAffiliatePromotionInput = { affiliate_id: string; campaign_id: string; promotion: NewAffiliatePromotion }

/**
 * Creates a Medusa promotion (a manual code, active, off the items) with Medusa's own workflow and
 * gives it to the affiliate for the campaign. If giving it fails, the promotion is removed again.
 */
export const createAffiliatePromotionWorkflow = createWorkflow("create-affiliate-promotion", (input: CreateAffiliatePromotionInput) => {
  // Before anything is written: both must exist.
  useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.affiliate_id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-new-promotion-affiliate",
  })
  useQueryGraphStep({ entity: "affiliate_campaign", fields: ["id"], filters: { id: input.campaign_id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-new-promotion-campaign",
  })
  const promotionsData = transform({ input }, ({ input }) => [
    {
      code: input.promotion.code,
      type: "standard" as const,
      status: "active" as const,
      is_automatic: false,
      application_method: {
        type: input.promotion.type,
        target_type: "items" as const,
        allocation: "across" as const,
        // A decimal string: the column is a big number; the generated type only says number.
        value: String(input.promotion.value) as unknown as number,
        ...(input.promotion.type === "fixed" ? { currency_code: input.promotion.currency_code } : {}),
      },
    },
  ])
  const promotions = createPromotionsWorkflow.runAsStep({ input: { promotionsData } })
  const link = transform({ input, promotions }, ({ input, promotions }) => ({
    affiliate_id: input.affiliate_id,
    campaign_id: input.campaign_id,
    promotion_id: promotions[0].id,
  }))
  return new WorkflowResponse(linkAffiliatePromotionWorkflow.runAsStep({ input: link }))
})
