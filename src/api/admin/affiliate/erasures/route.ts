import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { eraseShopperDataWorkflow } from "../../../../workflows/erasure/workflows/erase-shopper-data"
import type { AdminCreateErasureType } from "./validators"
import type { AdminErasureListResponse, AdminErasureResponse } from "../../../../types/http"
import { asAnswer } from "../wire"

/** GET /admin/affiliate/erasures: the erasures made, newest first (counts only, never what was erased). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminErasureListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: erasures, metadata } = await query.graph({
    entity: "affiliate_erasure",
    fields: req.queryConfig.fields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ erasures: asAnswer<AdminErasureListResponse["erasures"]>(erasures), count: metadata!.count, count_type: "exact", offset: metadata!.skip, limit: metadata!.take })
}

/**
 * POST /admin/affiliate/erasures `{ order_id }` or `{ email }`: erases what the plugin holds about
 * that shopper (GDPR art. 17) and answers the erasure's record, with a sentence saying plainly
 * whether anything matched: an erasure that found nothing must not look like one that worked.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateErasureType>, res: MedusaResponse<AdminErasureResponse>) => {
  const { result } = await eraseShopperDataWorkflow(req.scope).run({
    input: { ...req.validatedBody, requested_by: req.auth_context?.actor_id ?? null },
  })
  const erasure = asAnswer<AdminErasureResponse["erasure"]>(result)
  const matched = COUNTS.some((count) => erasure[count] > 0)
  res.json({ erasure, matched, message: matched ? erasedMessage(erasure) : NOTHING_MATCHED[erasure.scope] })
}

const COUNTS = ["orders_matched", "conversions_cleared", "clicks_cleared", "deliveries_cleared", "attributions_deleted", "request_logs_deleted"] as const

const NOTHING_MATCHED = {
  email: "Nothing matched: no order was placed with this email (compared without regard to case), so nothing was erased.",
  order: "Nothing matched: the plugin holds nothing about this order id (no conversion, click, attribution or request-log entry), so nothing was erased.",
}

const erasedMessage = (e: AdminErasureResponse["erasure"]) =>
  `Erased: ${e.orders_matched} order(s), ${e.conversions_cleared} conversion(s), ${e.clicks_cleared} click(s), ` +
  `${e.attributions_deleted} cart attribution(s), ${e.request_logs_deleted} request-log entries, ${e.deliveries_cleared} outbound deliveries.`
