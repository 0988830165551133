import type { MedusaResponse } from "@medusajs/framework/http"
import { renderPortalAccount } from "../../../../lib/portal-pages"
import type { PortalPayoutDetailsResponse } from "../../../../types/http"
import { savePayoutDetailsWorkflow } from "../../../../workflows/partners/workflows/save-payout-details"
import { formProblem } from "../../apply/validators"
import { maskedPayoutDetails } from "../data"
import { isForm, PortalRequest, wantsHtml } from "../partner"
import type { PortalPayoutDetailsType } from "../validators"

/** GET /affiliate/portal/payout-details: the partner's payout details with the account masked, or null. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  if (wantsHtml(req)) return void res.redirect(303, "/affiliate/portal/me")
  res.json({ payout_details: await maskedPayoutDetails(req, req.partner) } satisfies PortalPayoutDetailsResponse)
}

/**
 * POST /affiliate/portal/payout-details `{ method: "paypal", paypal_email }` or `{ method: "bank",
 * iban, account_name }`: stored encrypted with the plugin's key, shown to admins on the payout page.
 */
export const POST = async (req: PortalRequest<PortalPayoutDetailsType>, res: MedusaResponse) => {
  const problem = formProblem(req)
  if (problem) {
    const details = await maskedPayoutDetails(req, req.partner)
    return void res.status(400).type("html").send(renderPortalAccount(req.partner, details, problem))
  }
  await savePayoutDetailsWorkflow(req.scope).run({ input: { affiliate_id: req.partner.id, details: req.validatedBody } })
  if (isForm(req)) return void res.redirect(303, "/affiliate/portal/me?done=details")
  res.json({ payout_details: await maskedPayoutDetails(req, req.partner) } satisfies PortalPayoutDetailsResponse)
}
