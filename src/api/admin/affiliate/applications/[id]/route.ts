import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminApplicationResponse } from "../../../../../types/http"
import { asAnswer } from "../../wire"

/** Loads one application as the admin API answers it; 404 when there is none. */
export async function loadApplication(req: AuthenticatedMedusaRequest, id: string, fields?: string[]): Promise<AdminApplicationResponse> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [application],
  } = await query.graph({ entity: "affiliate_application", fields: fields ?? req.queryConfig.fields, filters: { id } }, { throwIfKeyNotFound: true })
  return { application: asAnswer<AdminApplicationResponse["application"]>(application) }
}

/** GET /admin/affiliate/applications/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminApplicationResponse>) => {
  res.json(await loadApplication(req, req.params.id))
}
