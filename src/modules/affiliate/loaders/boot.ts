import type { LoaderOptions, Logger } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AffiliatePluginOptions, resolveOptions } from "../options"
import { createRateLimit } from "../rate-limit"

export const RATE_LIMIT_REGISTRATION = "affiliateRateLimit"

/**
 * Runs when the module boots (servers and workers): refuses production without an encryption key,
 * warns about the development key, says which address public URLs come from when publicUrl is
 * unset but MEDUSA_BACKEND_URL is, and chooses where the S2S rate limit lives, saying which.
 */
export default async function bootAffiliateModule({ container, logger: given, options }: LoaderOptions<AffiliatePluginOptions>) {
  const logger = given ?? (console as unknown as Logger)
  const resolved = resolveOptions(options)
  if (resolved.usingDevelopmentKey) {
    logger.warn(
      "medusa-plugin-affiliate-s2s: no encryptionKey (AFFILIATE_ENCRYPTION_KEY) is set: API keys are encrypted with the public " +
        "development key. Set one before going live; production refuses to start without it."
    )
  }
  if (!resolved.publicUrl && resolved.medusaBackendUrl) {
    logger.info(
      "medusa-plugin-affiliate-s2s: publicUrl (AFFILIATE_PUBLIC_URL) is not set: affiliate links and the S2S endpoint shown to " +
        `admins use the address the admin is served from, not MEDUSA_BACKEND_URL (${resolved.medusaBackendUrl}). Set ` +
        "AFFILIATE_PUBLIC_URL to the address shops reach this backend at."
    )
  }
  const key = ContainerRegistrationKeys.CONFIG_MODULE
  const hostConfig = container.hasRegistration(key) ? container.resolve(key) : undefined
  const rateLimit = createRateLimit(resolved, hostConfig, logger)
  logger.info(`medusa-plugin-affiliate-s2s: ${rateLimit.description}`)
  container.register({ [RATE_LIMIT_REGISTRATION]: asValue(rateLimit) })
}
