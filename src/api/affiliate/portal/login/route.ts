import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { renderLoginPage } from "../../../../lib/partner-pages"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { isForm } from "../partner"
import { startPartnerSession } from "../session"
import { rememberAffiliateIpWorkflow } from "../../../../workflows/trust/workflows/remember-affiliate-ip"

const FLASH: Record<string, string> = { password: "Your password is saved: log in with it.", out: "You are logged out." }

/** GET /affiliate/portal/login: the login form. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  if (req.session?.auth_context?.actor_type === "affiliate") return res.redirect(303, "/affiliate/portal")
  res.type("html").send(renderLoginPage("", [], FLASH[String(req.query.done ?? "")] ?? null))
}

/**
 * POST /affiliate/portal/login `{ email, password }`: the form's login, checked by Medusa's auth
 * module (emailpass, actor type `affiliate`), into Medusa's session. API clients use Medusa's own
 * `POST /auth/affiliate/emailpass` for a bearer token. The same answer for an unknown email and a
 * wrong password. The IP it came from is remembered (keyed hash only) for the fraud signals.
 */
export const POST = async (req: MedusaRequest<{ email?: string; password?: string }>, res: MedusaResponse) => {
  const email = typeof req.body?.email === "string" ? req.body.email.trim().toLowerCase() : ""
  const password = typeof req.body?.password === "string" ? req.body.password : ""
  const { success, authIdentity } = await req.scope.resolve(Modules.AUTH).authenticate("emailpass", {
    actor_type: "affiliate",
    url: req.url,
    headers: req.headers as Record<string, string>,
    query: {},
    body: { email, password },
    protocol: req.protocol,
  } as any)
  const affiliateId = success ? (authIdentity?.app_metadata?.affiliate_id as string | undefined) : undefined
  const [affiliate] = affiliateId
    ? await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).listAffiliates({ id: affiliateId }, { select: ["id"] })
    : []
  if (!affiliate) {
    const message = "The email or the password is not right"
    if (!isForm(req)) return void res.status(401).json({ type: "unauthorized", message })
    return void res.status(401).type("html").send(renderLoginPage(email, [message]))
  }
  // Where the partner logs in from is theirs: an order from there raises self_referral_ip (README, "Trust").
  await rememberAffiliateIpWorkflow(req.scope).run({ input: { affiliate_id: affiliate.id, ip: req.ip, source: "portal_login" } })
  await startPartnerSession(req, {
    actor_id: affiliate.id,
    actor_type: "affiliate",
    auth_identity_id: authIdentity!.id,
    app_metadata: { affiliate_id: affiliate.id },
    user_metadata: {},
  })
  if (!isForm(req)) return void res.json({ success: true })
  res.redirect(303, "/affiliate/portal")
}
