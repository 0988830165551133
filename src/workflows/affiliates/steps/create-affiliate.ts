import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type CreateAffiliateInput = {
  code: string
  name: string
  email: string
  status?: "active" | "paused"
  metadata?: Record<string, unknown> | null
  email_notifications?: "each" | "daily" | "off"
}

export const createAffiliateStep = createStep(
  "create-affiliate",
  async (input: CreateAffiliateInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const affiliate = await service.createAffiliates(input, context)
    return new StepResponse(affiliate, affiliate.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliates(id, context)
  }
)
