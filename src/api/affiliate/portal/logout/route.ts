import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isForm } from "../partner"
import { endPartnerSession } from "../session"

/** POST /affiliate/portal/logout: ends the session (Medusa's `DELETE /auth/session` does the same for API clients). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  res.clearCookie(await endPartnerSession(req))
  if (!isForm(req)) return void res.json({ success: true })
  res.redirect(303, "/affiliate/portal/login?done=out")
}
