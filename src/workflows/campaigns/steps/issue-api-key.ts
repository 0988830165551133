import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { apiKeyPrefix, encryptApiKey, generateApiKey, hashApiKey } from "../../../modules/affiliate/utils/api-key"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * Issues a campaign's S2S key. Only the hash and the ciphertext are stored, and the step returns
 * the row id, not the key, so the key never sits in workflow storage.
 */
export const issueApiKeyStep = createStep(
  "issue-affiliate-api-key",
  async ({ campaign_id }: { campaign_id: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const key = generateApiKey()
    const row = await service.createAffiliateApiKeys({
      campaign_id,
      key_hash: hashApiKey(key),
      key_ciphertext: encryptApiKey(key, service.getOptions().encryptionKey),
      key_prefix: apiKeyPrefix(key),
    }, context)
    return new StepResponse({ id: row.id, key_prefix: row.key_prefix }, row.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateApiKeys(id, context)
  }
)
