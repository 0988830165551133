import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AffiliatePromotionInput, createAffiliatePromotionStep } from "../steps/create-affiliate-promotion"
import { validatePromotionFreeStep } from "../steps/validate-promotion-free"

export type LinkAffiliatePromotionInput = AffiliatePromotionInput

/**
 * Gives an existing Medusa promotion to an affiliate for a campaign: an order that uses its code
 * credits the affiliate (README, "Coupon codes"). The affiliate, the campaign and the promotion
 * must exist (404), and the promotion must not belong to anyone yet (409).
 */
export const linkAffiliatePromotionWorkflow = createWorkflow("link-affiliate-promotion", (input: LinkAffiliatePromotionInput) => {
  useQueryGraphStep({ entity: "affiliate", fields: ["id"], filters: { id: input.affiliate_id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-promotion-affiliate",
  })
  useQueryGraphStep({ entity: "affiliate_campaign", fields: ["id"], filters: { id: input.campaign_id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-promotion-campaign",
  })
  useQueryGraphStep({ entity: "promotion", fields: ["id"], filters: { id: input.promotion_id }, options: { throwIfKeyNotFound: true } }).config({
    name: "load-linked-promotion",
  })
  validatePromotionFreeStep({ promotion_id: input.promotion_id })
  return new WorkflowResponse(createAffiliatePromotionStep(input))
})
