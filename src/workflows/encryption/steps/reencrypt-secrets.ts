import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type { ReencryptCounts } from "../../../modules/affiliate/secrets/reencrypt"

export const reencryptSecretsStepId = "reencrypt-affiliate-secrets"

/**
 * Re-encrypts every stored secret (S2S and outbound keys, webhook secrets, payout details) with
 * the current encryption key, in one
 * module call (README, "Rotating the encryption key"). The compensation puts the previous
 * ciphertexts back.
 */
export const reencryptSecretsStep = createStep(
  reencryptSecretsStepId,
  async (_: void, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { previous, ...counts } = await service.reencryptSecrets()
    return new StepResponse(counts, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreSecrets(previous)
  }
)
