import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AffiliateRecord } from "../../../modules/affiliate/types"

export type CreateAffiliateInput = {
  code: string
  name: string
  email: string
  status?: "active" | "paused"
  metadata?: Record<string, unknown> | null
  email_notifications?: "each" | "daily" | "off"
}

export const createAffiliateStepId = "create-affiliate"

export const createAffiliateStep = createStep(
  createAffiliateStepId,
  async (input: CreateAffiliateInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const affiliate = await service.createAffiliates(input, context)
    return new StepResponse<AffiliateRecord, string>(affiliate, affiliate.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliates(id, context)
  }
)
