import { configManager } from "@medusajs/framework/config"
import { assertProductionKey } from "./options"

const OUR_MODULE = /medusa-plugin-affiliate-s2s|modules[\\/]affiliate[\\/]?$/

type Declaration = { resolve?: unknown; options?: Record<string, unknown> } | string | boolean | undefined
type HostConfig = { modules?: Record<string, Declaration>; plugins?: Declaration[] }

/** Every place the host's configuration passes this module's options: its module entry or the plugin's entry. */
function declaredOptions(config: HostConfig): Record<string, unknown>[] {
  const entries = [...Object.entries(config.modules ?? {}), ...(config.plugins ?? []).map((p) => ["", p] as const)]
  return entries
    .filter(([key, d]) => key === "affiliate" || (typeof d === "object" && OUR_MODULE.test(String(d.resolve ?? ""))))
    .map(([, d]) => (typeof d === "object" ? d.options ?? {} : {}))
}

const check = (config: HostConfig) => declaredOptions(config).forEach((options) => assertProductionKey(options))

/**
 * Refuses production without an encryption key when the module is first loaded by a Medusa
 * command, which happens after the host's configuration is read and before any module migrates:
 * `medusa db:migrate` loads the plugin's links (which name this module) before it migrates
 * anything, so it stops with the reason instead of migrating and failing at the first `medusa
 * start` (README, "Plugin options"). It only reads: when the configuration is not loaded yet (a
 * host's `medusa-config` that lists the module without its `key` loads it while being read), the
 * module's boot loader refuses at start instead.
 */
export function refuseProductionWithoutKey() {
  if (process.env.NODE_ENV !== "production" || process.env.AFFILIATE_ENCRYPTION_KEY) return
  let loaded: HostConfig | undefined
  try {
    loaded = configManager.config as unknown as HostConfig
  } catch {
    return // Not loaded yet.
  }
  check(loaded)
}
