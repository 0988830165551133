import type { MedusaResponse } from "@medusajs/framework/http"
import { renderPortalPayouts } from "../../../../lib/portal-pages"
import type { PortalPayoutsResponse } from "../../../../types/http"
import { partnerPayouts } from "../data"
import { PortalRequest, wantsHtml } from "../partner"

/** GET /affiliate/portal/payouts: the partner's latest 50 payouts with their lines. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const payouts = await partnerPayouts(req, req.partner)
  if (wantsHtml(req)) return void res.type("html").send(renderPortalPayouts(payouts))
  res.json({ payouts } satisfies PortalPayoutsResponse)
}
