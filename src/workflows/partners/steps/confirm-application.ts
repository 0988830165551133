import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * Confirms the applicant's email: the application behind the token's hash enters the admins'
 * queue (`pending`) and the token stops working. An unknown, used or expired token is a 404 that
 * says nothing more. The compensation puts the application back as it was.
 */
export const confirmApplicationStep = createStep(
  "confirm-affiliate-application",
  async ({ token_hash, now }: { token_hash: string; now?: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [application] = await service.listAffiliateApplications({ confirm_token_hash: token_hash, status: "pending_confirmation" }, {}, context)
    const at = now ? new Date(now) : new Date()
    if (!application || !application.confirm_expires_at || new Date(application.confirm_expires_at) < at) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "This confirmation link is unknown, used or expired")
    }
    const confirmed = await service.updateAffiliateApplications(
      { id: application.id, status: "pending", confirmed_at: at, confirm_token_hash: null, confirm_expires_at: null },
      context
    )
    return new StepResponse(confirmed, {
      id: application.id,
      confirm_token_hash: token_hash,
      confirm_expires_at: application.confirm_expires_at,
    })
  },
  async (undo, { container, context }) => {
    if (!undo) return
    await container
      .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
      .updateAffiliateApplications({ ...undo, status: "pending_confirmation", confirmed_at: null }, context)
  }
)
