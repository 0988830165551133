import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reviewConversionWorkflow, ReviewAction } from "../../../../workflows/conversions/workflows/review-conversion"
import type { AdminConversionResponse } from "../../../../types/http"
import { adminActor } from "../actor"
import { asAnswer } from "../wire"

/**
 * The approve and reject routes differ only in their action: both run the review workflow
 * (pending only: a review that lost a race answers 409; a test conversion can never be approved)
 * and answer the updated conversion.
 */
export function reviewHandler(action: ReviewAction) {
  return async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse<AdminConversionResponse>) => {
    const { id } = req.params
    await reviewConversionWorkflow(req.scope).run({ input: { id, action, reason: req.validatedBody.reason, actor: adminActor(req) } })
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [conversion],
    } = await query.graph(
      { entity: "affiliate_conversion", fields: req.queryConfig.fields, filters: { id } },
      { throwIfKeyNotFound: true }
    )
    res.json({ conversion: asAnswer<AdminConversionResponse["conversion"]>(conversion) })
  }
}
