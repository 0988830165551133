import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const PARTNER_ACTOR = "affiliate"
export const PARTNER_PROVIDER = "emailpass"

/**
 * The partner's login on Medusa's auth module: the email's emailpass identity (a customer or an
 * admin with the same address shares it, as Medusa shares one identity between actor types), or a
 * new one without a password. The plugin stores no password: the partner sets one with a reset
 * token. An identity already linked to an affiliate is a conflict. The compensation removes an
 * identity it made.
 */
export const ensurePartnerIdentityStep = createStep(
  "ensure-affiliate-auth-identity",
  async ({ email }: { email: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const [existing] = await auth.listProviderIdentities({ entity_id: email, provider: PARTNER_PROVIDER }, { select: ["auth_identity_id"] })
    if (existing) {
      const identity = await auth.retrieveAuthIdentity(existing.auth_identity_id!)
      if (identity.app_metadata?.[`${PARTNER_ACTOR}_id`]) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `${email} already has a partner account`)
      }
      return new StepResponse({ auth_identity_id: identity.id }, null)
    }
    const created = await auth.createAuthIdentities({ provider_identities: [{ provider: PARTNER_PROVIDER, entity_id: email }] })
    return new StepResponse({ auth_identity_id: created.id }, created.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve(Modules.AUTH).deleteAuthIdentities([createdId])
  }
)
