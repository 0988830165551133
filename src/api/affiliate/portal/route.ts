import type { MedusaResponse } from "@medusajs/framework/http"
import { renderPortalHome } from "../../../lib/portal-pages"
import { partnerStats } from "./data"
import { PortalRequest, wantsHtml } from "./partner"
import { PortalStatsParams } from "./validators"

/** GET /affiliate/portal: the partner's home page (balance, this month, a chart); JSON clients get `…/stats`. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const parsed = PortalStatsParams.safeParse(req.query)
  const stats = await partnerStats(req, req.partner, parsed.success ? (parsed.data.days as 7 | 30 | 90) : 30)
  if (!wantsHtml(req)) return void res.json(stats)
  res.type("html").send(renderPortalHome(req.partner, stats))
}
