import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { applyRetentionWorkflow } from "../../../../../workflows/retention/workflows/apply-retention"
import type { AdminRunRetentionResponse } from "../../../../../types/http"

/**
 * POST /admin/affiliate/retention/run: starts a retention pass now, without waiting for the hourly
 * job. It can take minutes on a large backlog, so it runs on after the answer (202); its progress
 * shows in GET …/retention.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminRunRetentionResponse>) => {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  applyRetentionWorkflow(req.scope)
    .run({ input: {} })
    .catch((e: Error) => logger.warn(`affiliate retention run failed: ${e.message}`))
  res.status(202).json({ status: "started" })
}
