import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ApplicationDecision = {
  id: string
  status: "approved" | "rejected"
  affiliate_id?: string | null
  rejection_reason?: string | null
  reviewed_by?: string | null
}

/** Only an application in the queue (`pending`: its email confirmed) can be approved or rejected. Reads only. */
export const validateApplicationReviewStep = createStep(
  "validate-affiliate-application-review",
  async ({ id }: { id: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [application] = await service.listAffiliateApplications({ id }, {}, context)
    if (!application) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Application ${id} was not found`)
    if (application.status !== "pending") {
      const why = application.status === "pending_confirmation" ? "its email is not confirmed yet" : `it is ${application.status} already`
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Application ${id} cannot be reviewed: ${why}`)
    }
    return new StepResponse(application)
  }
)

/** Records the decision on the application; the compensation puts it back in the queue. */
export const decideApplicationStep = createStep(
  "decide-affiliate-application",
  async (decision: ApplicationDecision, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const updated = await service.updateAffiliateApplications({ ...decision, reviewed_at: new Date() }, context)
    return new StepResponse(updated, decision.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).updateAffiliateApplications(
      { id, status: "pending", affiliate_id: null, rejection_reason: null, reviewed_by: null, reviewed_at: null },
      context
    )
  }
)
