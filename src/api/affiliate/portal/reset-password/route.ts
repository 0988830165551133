import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { renderResetRequestPage } from "../../../../lib/partner-pages"

/** GET /affiliate/portal/reset-password: asks for the email to send a password link to. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.type("html").send(renderResetRequestPage([], false))
}

/**
 * POST /affiliate/portal/reset-password `{ email }`: the form's way into Medusa's own reset flow
 * (what `POST /auth/affiliate/emailpass/reset-password` runs): a one-use token and the
 * `auth.password_reset` event, which the plugin's subscriber mails to a partner. The same answer
 * whether or not the address has an account.
 */
export const POST = async (req: MedusaRequest<{ email?: string }>, res: MedusaResponse) => {
  const email = typeof req.body?.email === "string" ? req.body.email.trim().toLowerCase() : ""
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) {
    return void res.status(400).type("html").send(renderResetRequestPage(["Enter the email address of your partner account"], false))
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  await generateResetPasswordTokenWorkflow(req.scope).run({
    input: { entityId: email, actorType: "affiliate", provider: "emailpass", secret: http.jwtSecret!, jwtOptions: http.jwtOptions },
    throwOnError: false,
  })
  res.type("html").send(renderResetRequestPage([], true))
}
