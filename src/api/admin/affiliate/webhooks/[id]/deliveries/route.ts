import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listRoute } from "../../../list-route"

const list = listRoute({ entity: "affiliate_outbound_delivery", table: "affiliate_outbound_delivery", key: "deliveries" })

/**
 * GET /admin/affiliate/webhooks/:id/deliveries: the webhook's deliveries, newest first, each with
 * its `event_type`, the body it sends (`payload`) and its tries (`attempts`).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph({ entity: "affiliate_webhook", fields: ["id"], filters: { id: req.params.id } }, { throwIfKeyNotFound: true })
  req.filterableFields = { ...req.filterableFields, webhook_id: req.params.id }
  return list(req, res)
}
