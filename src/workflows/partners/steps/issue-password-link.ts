import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PARTNER_ACTOR, PARTNER_PROVIDER } from "./ensure-partner-identity"

/**
 * A one-use token for Medusa's own password route (`POST /auth/affiliate/emailpass/update`), made
 * exactly as Medusa's reset-password workflow makes it (the auth module's reset-token table and a
 * `purpose: "reset"` JWT), but valid `ttl_seconds`: an approval mail's link must outlive Medusa's
 * 15 minutes. The compensation spends the token.
 */
export const issuePasswordLinkStep = createStep(
  "issue-affiliate-password-link",
  async ({ email, ttl_seconds }: { email: string; ttl_seconds: number }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    const { jti } = await auth.createPasswordResetToken({ provider: PARTNER_PROVIDER, entity_id: email, ttl_seconds })
    const token = generateJwtToken(
      { entity_id: email, provider: PARTNER_PROVIDER, actor_type: PARTNER_ACTOR, purpose: "reset" },
      { secret: http.jwtSecret!, expiresIn: `${ttl_seconds}s`, jwtOptions: { ...(http.jwtOptions ?? {}), jwtid: jti } }
    )
    return new StepResponse(token, { jti, email })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container
      .resolve(Modules.AUTH)
      .consumePasswordResetToken({ jti: undo.jti, provider: PARTNER_PROVIDER, entity_id: undo.email })
      .catch(() => undefined)
  }
)
