import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAffiliatePromotionWorkflow } from "../../../../../../workflows/promotions/workflows/create-affiliate-promotion"
import { linkAffiliatePromotionWorkflow } from "../../../../../../workflows/promotions/workflows/link-affiliate-promotion"
import type { AdminAffiliatePromotionListResponse, AdminAffiliatePromotionResponse } from "../../../../../../types/http"
import type { AdminLinkAffiliatePromotionType } from "../../validators"
import { listAffiliatePromotions } from "./helpers"

/** GET /admin/affiliate/affiliates/:id/promotions: the promotions the affiliate owns, each with its code. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAffiliatePromotionListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph({ entity: "affiliate", fields: ["id"], filters: { id: req.params.id } }, { throwIfKeyNotFound: true })
  res.json({ promotions: await listAffiliatePromotions(req.scope, { affiliate_id: req.params.id }) })
}

/**
 * POST /admin/affiliate/affiliates/:id/promotions: `{ promotion_id, campaign_id }` gives an existing
 * Medusa promotion to the affiliate for the campaign; `{ promotion: { code, type, value,
 * currency_code? }, campaign_id }` creates one first. One affiliate per promotion: 409 if taken.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminLinkAffiliatePromotionType>, res: MedusaResponse<AdminAffiliatePromotionResponse>) => {
  const { campaign_id, promotion_id, promotion } = req.validatedBody
  const affiliate_id = req.params.id
  const { result } = promotion
    ? await createAffiliatePromotionWorkflow(req.scope).run({ input: { affiliate_id, campaign_id, promotion } })
    : await linkAffiliatePromotionWorkflow(req.scope).run({ input: { affiliate_id, campaign_id, promotion_id: promotion_id! } })
  const [created] = await listAffiliatePromotions(req.scope, { id: result.id })
  res.json({ promotion: created })
}
