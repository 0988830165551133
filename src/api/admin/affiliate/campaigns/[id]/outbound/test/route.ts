import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendTestDeliveryWorkflow } from "../../../../../../../workflows/outbound/workflows/send-test-delivery"
import { DELIVERY_FIELDS } from "../../../../outbound-deliveries/query-config"
import type { AdminOutboundTestResponse } from "../../../../../../../types/http"
import { asAnswer } from "../../../../wire"

/**
 * POST /admin/affiliate/campaigns/:id/outbound/test: sends one test conversion to the campaign's
 * outbound target now and answers the delivery with the attempt (status code, response excerpt).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOutboundTestResponse>) => {
  const { result } = await sendTestDeliveryWorkflow(req.scope).run({ input: { campaign_id: req.params.id } })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "affiliate_outbound_delivery", fields: DELIVERY_FIELDS, filters: { id: result.id } })
  res.json({ delivery: asAnswer<AdminOutboundTestResponse["delivery"]>(data[0]) })
}
