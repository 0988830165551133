import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type Partner = {
  id: string
  code: string
  name: string
  email: string
  status: "active" | "paused"
  email_notifications: "each" | "daily" | "off"
}
export type PortalRequest<Body = unknown> = AuthenticatedMedusaRequest<Body> & { partner: Partner }

/** A browser asking for a page; API clients (and anything not asking for HTML first) get JSON. */
export const wantsHtml = (req: MedusaRequest) => req.accepts(["json", "html"]) === "html"
/** A plain HTML form post (answered with a page or a redirect, never JSON). */
export const isForm = (req: MedusaRequest) => req.is("application/x-www-form-urlencoded") === "application/x-www-form-urlencoded"

/**
 * After Medusa's `authenticate("affiliate", ["session", "bearer"])`: the request must carry a
 * partner's own session or token (actor type `affiliate`, linked to an affiliate that still
 * exists). Everything the portal answers is then scoped to `req.partner`. A browser is sent to the
 * login page; any other client gets 401.
 */
export async function requirePartner(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const ctx = (req as AuthenticatedMedusaRequest).auth_context
  const actorId = ctx?.actor_type === "affiliate" ? ctx.actor_id : null
  const [affiliate] = actorId
    ? await req.scope
        .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
        .listAffiliates({ id: actorId }, { select: ["id", "code", "name", "email", "status", "email_notifications"] })
    : []
  if (!affiliate) {
    if (req.method === "GET" && wantsHtml(req)) return res.redirect(303, "/affiliate/portal/login")
    return void res.status(401).json({ message: "Unauthorized" })
  }
  ;(req as PortalRequest).partner = affiliate as Partner
  next()
}
