import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type NewApplication = {
  name: string
  email: string
  website: string | null
  promotion_plan: string
  ip_hash: string | null
  confirm_token_hash: string
  confirm_expires_at: Date
}

/** Stores an application waiting for its email to be confirmed; the compensation removes it. */
export const createApplicationStep = createStep(
  "create-affiliate-application",
  async (input: NewApplication, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const application = await service.createAffiliateApplications({ ...input, status: "pending_confirmation" }, context)
    return new StepResponse(application, application.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateApplications(id, context)
  }
)
