import type { MedusaResponse } from "@medusajs/framework/http"
import { partnerStats } from "../data"
import type { PortalRequest } from "../partner"

/**
 * GET /affiliate/portal/stats?days=7|30|90: the partner's figures from the same service call as
 * the admin's affiliate stats and the statement (`{ days, totals, series, balance }`), plus this
 * calendar month's `month` totals.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { days } = req.validatedQuery as { days: 7 | 30 | 90 }
  res.json(await partnerStats(req, req.partner, days))
}
