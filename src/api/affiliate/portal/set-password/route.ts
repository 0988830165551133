import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { renderLinkExpiredPage, renderSetPasswordPage } from "../../../../lib/partner-pages"
import { readResetToken } from "../session"

const MIN_LENGTH = 10

/** GET /affiliate/portal/set-password?token=…: the page behind the approval and reset mails' link. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const token = typeof req.query.token === "string" ? req.query.token : ""
  if (!readResetToken(req, token)) return void res.status(404).type("html").send(renderLinkExpiredPage())
  res.type("html").send(renderSetPasswordPage(token, []))
}

/**
 * POST /affiliate/portal/set-password `{ token, password, password_confirmation }`: what Medusa's
 * `POST /auth/affiliate/emailpass/update` does with the token as a bearer (which a form cannot
 * send): the token is checked, spent in the auth module, and the emailpass provider stores the new
 * password. The plugin stores none.
 */
export const POST = async (req: MedusaRequest<Record<string, string>>, res: MedusaResponse) => {
  const { token = "", password = "", password_confirmation = "" } = (req.body ?? {}) as Record<string, string>
  const claims = typeof token === "string" ? readResetToken(req, token) : null
  if (!claims) return void res.status(404).type("html").send(renderLinkExpiredPage())
  const errors = [
    ...(typeof password !== "string" || password.length < MIN_LENGTH ? [`The password must have at least ${MIN_LENGTH} characters`] : []),
    ...(password !== password_confirmation ? ["The two passwords differ"] : []),
  ]
  if (errors.length) return void res.status(400).type("html").send(renderSetPasswordPage(token, errors))
  const auth = req.scope.resolve(Modules.AUTH)
  try {
    await auth.consumePasswordResetToken({ jti: claims.jti, provider: "emailpass", entity_id: claims.entity_id })
  } catch {
    return void res.status(404).type("html").send(renderLinkExpiredPage())
  }
  const { success } = await auth.updateProvider("emailpass", { entity_id: claims.entity_id, password })
  if (!success) return void res.status(404).type("html").send(renderLinkExpiredPage())
  res.redirect(303, "/affiliate/portal/login?done=password")
}
