import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminAffiliatePromotion } from "../../../../../../types/http"

type Row = {
  id: string
  affiliate_id: string
  campaign_id: string
  promotion_id: string
  created_at: string
  campaign: { name: string } | null
  promotion: { code: string; status: string } | null
}

/** The affiliate's promotions with each one's code and status, read from Medusa's promotion through the module link. */
export async function listAffiliatePromotions(scope: MedusaContainer, filters: Record<string, string>): Promise<AdminAffiliatePromotion[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "affiliate_promotion",
    fields: ["id", "affiliate_id", "campaign_id", "promotion_id", "created_at", "campaign.name", "promotion.code", "promotion.status"],
    filters,
    pagination: { order: { created_at: "ASC" } },
  })
  return (data as unknown as Row[]).map((p) => ({
    id: p.id,
    affiliate_id: p.affiliate_id,
    campaign_id: p.campaign_id,
    campaign_name: p.campaign?.name ?? null,
    promotion_id: p.promotion_id,
    code: p.promotion?.code ?? null,
    promotion_status: p.promotion?.status ?? null,
    created_at: p.created_at,
  }))
}
