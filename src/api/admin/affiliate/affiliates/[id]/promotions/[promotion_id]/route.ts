import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { unlinkAffiliatePromotionWorkflow } from "../../../../../../../workflows/promotions/workflows/unlink-affiliate-promotion"
import type { AdminAffiliatePromotionDeleteResponse } from "../../../../../../../types/http"

/** DELETE /admin/affiliate/affiliates/:id/promotions/:promotion_id: the promotion stays in Medusa, crediting no one. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAffiliatePromotionDeleteResponse>) => {
  const { id, promotion_id } = req.params
  await unlinkAffiliatePromotionWorkflow(req.scope).run({ input: { affiliate_id: id, promotion_id } })
  res.json({ id: promotion_id, object: "affiliate_promotion", deleted: true })
}
