import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadS2sSetup } from "../../helpers"
import type { AdminS2sSetupResponse } from "../../../../../../types/http"

/**
 * GET /admin/affiliate/campaigns/:id/s2s: what the Integration Setup tab and the quick-access
 * modal show (README, "Admin dashboard"): `{ api_key, endpoint_url, method, parameters, example_curl,
 * previous_key_expires_at }`. The key is shown whole, to admins only; it is never logged.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminS2sSetupResponse>) => {
  res.set("Cache-Control", "no-store")
  res.json(await loadS2sSetup(req, req.params.id))
}
