import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DELIVERY_FIELDS } from "../../../outbound-deliveries/query-config"
import type { AdminOrderAttributionResponse } from "../../../../../../types/http"
import { asAnswer } from "../../../wire"

/**
 * GET /admin/affiliate/orders/:id/attribution: everything the order widget shows: the cart's
 * attribution and consent, the click with its campaign and affiliate, the conversion(s), their
 * outbound deliveries, and the order's request-log entries (why there is, or is no, conversion).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderAttributionResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const orderId = req.params.id
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "cart.id",
      "affiliate_conversions.*",
      "affiliate_conversions.campaign.name",
      "affiliate_conversions.affiliate.name",
      "affiliate_conversions.affiliate.code",
    ],
    filters: { id: orderId },
  })
  const cartId = order?.cart?.id
  const { data: [attribution] } = cartId
    ? await query.graph({
        entity: "affiliate_attribution",
        fields: ["*", "click.id", "click.created_at", "click.expires_at", "click.sub1", "click.campaign.id", "click.campaign.name", "click.affiliate.id", "click.affiliate.code", "click.affiliate.name"],
        filters: { cart_id: cartId },
      })
    : { data: [] }
  const conversions = (order?.affiliate_conversions ?? []).filter(Boolean)
  const { data: deliveries } = conversions.length
    ? await query.graph({ entity: "affiliate_outbound_delivery", fields: DELIVERY_FIELDS, filters: { conversion_id: conversions.map((c) => c!.id) } })
    : { data: [] }
  const { data: requestLog } = await query.graph({
    entity: "affiliate_request_log",
    fields: ["id", "source", "outcome", "reason", "conversion_id", "created_at"],
    filters: { order_id: orderId },
    pagination: { order: { created_at: "DESC" }, take: 20 },
  })
  res.json(asAnswer<AdminOrderAttributionResponse>({ order_id: orderId, attribution: attribution ?? null, conversions, deliveries, request_log: requestLog }))
}
