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
 * Refuses production without an encryption key as soon as the host's configuration is loaded,
 * which every Medusa command does first: `medusa db:migrate` stops before it creates or migrates
 * anything, instead of migrating and failing at the first `medusa start` (README, "Plugin options").
 * This module is often imported while the configuration is still being read (`defineConfig` loads
 * the modules it lists); the check then runs right after the configuration manager has loaded it.
 */
export function refuseProductionWithoutKey() {
  if (process.env.NODE_ENV !== "production" || process.env.AFFILIATE_ENCRYPTION_KEY) return
  let loaded: HostConfig | undefined
  try {
    loaded = configManager.config as unknown as HostConfig
  } catch {
    loaded = undefined // Not loaded yet.
  }
  if (loaded) return check(loaded)
  const load = configManager.loadConfig.bind(configManager)
  configManager.loadConfig = ((args: Parameters<typeof load>[0]) => {
    const config = load(args)
    check(config as unknown as HostConfig)
    return config
  }) as typeof configManager.loadConfig
}
