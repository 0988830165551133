import type { MedusaResponse } from "@medusajs/framework/http"
import { renderPortalAccount } from "../../../../lib/portal-pages"
import type { PortalMe } from "../../../../types/http"
import { updateAffiliateWorkflow } from "../../../../workflows/affiliates/workflows/update-affiliate"
import { formProblem } from "../../apply/validators"
import { maskedPayoutDetails } from "../data"
import { isForm, PortalRequest, wantsHtml } from "../partner"
import type { PortalUpdateMeType } from "../validators"

const FLASH: Record<string, string> = { saved: "Saved.", details: "Your payout details are saved." }

async function me(req: PortalRequest): Promise<PortalMe> {
  const { id, code, name, email, status, email_notifications } = req.partner
  return { affiliate: { id, code, name, email, status, email_notifications }, payout_details: await maskedPayoutDetails(req, req.partner) }
}

/** GET /affiliate/portal/me: who is logged in, their mail choice and payout details (masked); a browser gets the Account page. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const answer = await me(req)
  if (!wantsHtml(req)) return void res.json(answer)
  res.type("html").send(renderPortalAccount(req.partner, answer.payout_details, { values: {}, errors: [] }, FLASH[String(req.query.done ?? "")]))
}

/** POST /affiliate/portal/me `{ email_notifications: "each" | "daily" | "off" }`: how the partner hears of new conversions. */
export const POST = async (req: PortalRequest<PortalUpdateMeType>, res: MedusaResponse) => {
  const problem = formProblem(req)
  if (problem) {
    return void res.status(400).type("html").send(renderPortalAccount(req.partner, await maskedPayoutDetails(req, req.partner), { values: {}, errors: problem.errors }))
  }
  const { result } = await updateAffiliateWorkflow(req.scope).run({ input: { id: req.partner.id, email_notifications: req.validatedBody.email_notifications } })
  req.partner = { ...req.partner, email_notifications: result.email_notifications }
  if (isForm(req)) return void res.redirect(303, "/affiliate/portal/me?done=saved")
  res.json(await me(req))
}
