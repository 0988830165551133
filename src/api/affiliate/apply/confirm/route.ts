import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CONFIRM_TOKEN_PATTERN, hashConfirmToken } from "../../../../lib/partner-links"
import { renderConfirmResult } from "../../../../lib/partner-pages"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { confirmAffiliateApplicationWorkflow } from "../../../../workflows/partners/workflows/confirm-application"
import { wantsHtml } from "../../portal/partner"

/**
 * GET /affiliate/apply/confirm?token=…: the link in the applicant's mail. The application enters
 * the admins' queue (or is approved at once with `auto_approve`). An unknown, used or expired
 * token answers 404.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const token = typeof req.query.token === "string" ? req.query.token : ""
  const html = wantsHtml(req)
  const notFound = () => {
    if (html) return void res.status(404).type("html").send(renderConfirmResult("not_found"))
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "This confirmation link is unknown, used or expired")
  }
  if (!CONFIRM_TOKEN_PATTERN.test(token)) return notFound()
  const { publicUrl } = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  const { result, errors } = await confirmAffiliateApplicationWorkflow(req.scope).run({
    input: { token_hash: hashConfirmToken(token), public_url: publicUrl },
    throwOnError: false,
  })
  if (errors?.length) {
    if ((errors[0].error as MedusaError)?.type === MedusaError.Types.NOT_FOUND) return notFound()
    throw errors[0].error
  }
  const status = result.approved ? "approved" : "pending"
  if (html) return void res.type("html").send(renderConfirmResult(result.approved ? "approved" : "confirmed"))
  res.json({ application: { id: result.application.id, status } })
}
