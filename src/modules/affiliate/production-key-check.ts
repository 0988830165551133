import { configManager } from "@medusajs/framework/config"
import { assertProductionKey } from "./options"

const OUR_MODULE = /medusa-plugin-affiliate-s2s|modules[\\/]affiliate[\\/]?$/

/**
 * Refuses production without an encryption key as soon as Medusa loads this module, which
 * `medusa db:migrate` does for every module before it runs any migration: a missing key is
 * reported before the database is migrated, not after, at the first `medusa start`. The options
 * are read from the host's configuration (a plugin's options are its modules'); when they cannot
 * be found there the module's loader still refuses at boot.
 */
export function refuseProductionWithoutKey() {
  if (process.env.NODE_ENV !== "production" || process.env.AFFILIATE_ENCRYPTION_KEY) return
  let modules: Record<string, unknown> | undefined
  try {
    modules = configManager.config.modules as Record<string, unknown> | undefined
  } catch {
    return // No configuration loaded (a script importing the module alone).
  }
  for (const [key, entry] of Object.entries(modules ?? {})) {
    const declaration = entry as { resolve?: unknown; options?: Record<string, unknown> } | undefined
    if (key === "affiliate" || OUR_MODULE.test(String(declaration?.resolve ?? ""))) {
      assertProductionKey(declaration?.options ?? {})
    }
  }
}
