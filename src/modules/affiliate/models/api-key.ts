import { model } from "@medusajs/framework/utils"
import { AffiliateCampaign } from "./campaign"

/**
 * A campaign's S2S key. The hash finds it; the AES-256-GCM ciphertext lets admins see it again.
 * A regenerated key keeps a row with `expires_at` set (now, or after a grace period).
 */
export const AffiliateApiKey = model
  .define("affiliate_api_key", {
    id: model.id({ prefix: "akey" }).primaryKey(),
    key_hash: model.text(),
    key_ciphertext: model.text(),
    // "s2s_" and the next 6 characters: enough to tell keys apart in logs, useless to an attacker.
    key_prefix: model.text(),
    expires_at: model.dateTime().nullable(),
    campaign: model.belongsTo((): typeof AffiliateCampaign => AffiliateCampaign, { mappedBy: "api_keys" }),
  })
  .indexes([{ on: ["key_hash"], unique: true }])
