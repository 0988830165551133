import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminConversionResponse } from "../../../../../types/http"
import { asAnswer } from "../../wire"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminConversionResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [conversion],
  } = await query.graph(
    { entity: "affiliate_conversion", fields: req.queryConfig.fields, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  res.json({ conversion: asAnswer<AdminConversionResponse["conversion"]>(conversion) })
}
