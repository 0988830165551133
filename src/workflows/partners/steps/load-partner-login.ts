import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PARTNER_PROVIDER } from "./ensure-partner-identity"

/** The affiliate linked to an email's login, or null (a customer's or an admin's login alone gets no partner mail). Reads only. */
export const loadPartnerLoginStep = createStep("load-affiliate-partner-login", async ({ email }: { email: string }, { container }) => {
  const auth = container.resolve(Modules.AUTH)
  const [provider] = await auth.listProviderIdentities({ entity_id: email, provider: PARTNER_PROVIDER }, { select: ["auth_identity_id"] })
  if (!provider) return new StepResponse({ affiliate_id: null as string | null })
  const identity = await auth.retrieveAuthIdentity(provider.auth_identity_id!)
  return new StepResponse({ affiliate_id: (identity.app_metadata?.affiliate_id as string | undefined) ?? null })
})
