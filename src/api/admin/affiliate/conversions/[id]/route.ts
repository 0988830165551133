import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import type { AdminConversionResponse } from "../../../../../types/http"
import { asAnswer } from "../../wire"

/**
 * GET /admin/affiliate/conversions/:id: the conversion with its items, each with its rule and its
 * commission as decimal strings (contract, section 8).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminConversionResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [conversion],
  } = await query.graph(
    { entity: "affiliate_conversion", fields: req.queryConfig.fields, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  const [withItems] = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).listConversionsWithItems([req.params.id])
  res.json({ conversion: { ...asAnswer<AdminConversionResponse["conversion"]>(conversion), items: withItems.items } })
}
