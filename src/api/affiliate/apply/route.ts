import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { generateConfirmToken } from "../../../lib/partner-links"
import { HONEYPOT_FIELD, renderApplyPage, renderApplyThanks } from "../../../lib/partner-pages"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { ApplyResponse } from "../../../types/http"
import { submitAffiliateApplicationWorkflow } from "../../../workflows/partners/workflows/submit-application"
import { isForm } from "../portal/partner"
import { ApplyBodyType, formProblem } from "./validators"

/** Applications from one address per hour, and per email per day, before further ones are refused or dropped. */
const PER_ADDRESS_PER_HOUR = 5
const PER_EMAIL_PER_DAY = 3
const HOUR = 3_600_000

async function openSettings(req: MedusaRequest) {
  const settings = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).retrieveProgramSettings()
  if (!settings.applications_open) throw new MedusaError(MedusaError.Types.NOT_FOUND, "The partner program takes no applications")
  return settings
}

/** GET /affiliate/apply: the application form (404 while applications are closed). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const settings = await openSettings(req)
  res.type("html").send(renderApplyPage({}, [], settings.terms_url))
}

/**
 * POST /affiliate/apply (form or JSON): stores the application and mails the confirmation link.
 * The answer is the same whether or not the email is known: JSON `201 { application: { id,
 * status } }`, a form the thank-you page. A filled honeypot gets the same answer and nothing is
 * stored; more than 5 applications an hour from one address answer 429.
 */
export const POST = async (req: MedusaRequest<ApplyBodyType>, res: MedusaResponse) => {
  const settings = await openSettings(req)
  const form = isForm(req)
  const problem = formProblem(req)
  if (problem) return void res.status(400).type("html").send(renderApplyPage(problem.values, problem.errors, settings.terms_url))

  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const body = req.validatedBody
  const ipHash = service.hashVisitorIp(req.ip)
  const since = (ms: number) => ({ $gte: new Date(Date.now() - ms) })
  if (ipHash) {
    const [, fromAddress] = await service.listAndCountAffiliateApplications({ ip_hash: ipHash, created_at: since(HOUR) }, { take: 1 })
    if (fromAddress >= PER_ADDRESS_PER_HOUR) {
      res.set("Retry-After", "3600").status(429)
      const message = "Too many applications from this address: try again in an hour"
      return void (form ? res.type("html").send(renderApplyPage(body as any, [message], settings.terms_url)) : res.json({ type: "not_allowed", message }))
    }
  }
  const [, forEmail] = await service.listAndCountAffiliateApplications({ email: body.email, created_at: since(24 * HOUR) }, { take: 1 })
  let id = generateEntityId(undefined, "aapl")
  if (!body[HONEYPOT_FIELD] && forEmail < PER_EMAIL_PER_DAY) {
    const { result } = await submitAffiliateApplicationWorkflow(req.scope).run({
      input: { ...body, ip_hash: ipHash, confirm_token: generateConfirmToken(), public_url: service.getOptions().publicUrl },
    })
    id = result.application.id
  }
  if (form) return void res.status(200).type("html").send(renderApplyThanks())
  res.status(201).json({ application: { id, status: "pending_confirmation" } } satisfies ApplyResponse)
}
