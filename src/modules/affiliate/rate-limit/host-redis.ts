/**
 * The Redis the host app already configures for Medusa, found in its configuration: the options of
 * the event bus, workflow engine, cache, caching or locking modules (or their providers), then the
 * session store's `projectConfig.redisUrl`. The S2S rate limit shares it so that every server
 * process counts against the same window (README, "Rate limit").
 */
export type HostRedis = { url: string; source: string }

type ModuleEntry = { resolve?: unknown; options?: Record<string, unknown> } | boolean | string | undefined
type HostConfig = {
  projectConfig?: { redisUrl?: unknown }
  modules?: Record<string, ModuleEntry> | ModuleEntry[]
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)

/** A Redis URL in one module's (or provider's) options, as Medusa's Redis modules name it. */
function urlInOptions(options: Record<string, unknown> | undefined): string | null {
  if (!options || typeof options !== "object") return null
  const redis = options.redis as Record<string, unknown> | undefined
  return text(options.redisUrl) ?? text(redis?.redisUrl) ?? text(redis?.url)
}

export function findHostRedisUrl(config: HostConfig | undefined | null): HostRedis | null {
  const modules = config?.modules ?? {}
  const entries = Array.isArray(modules) ? modules.map((m, i) => [String(i), m] as const) : Object.entries(modules)
  for (const [key, entry] of entries) {
    if (!entry || typeof entry !== "object") continue
    const name = typeof entry.resolve === "string" ? entry.resolve : key
    const own = urlInOptions(entry.options)
    if (own) return { url: own, source: name }
    const providers = (entry.options?.providers ?? []) as { resolve?: unknown; options?: Record<string, unknown> }[]
    for (const provider of Array.isArray(providers) ? providers : []) {
      const url = urlInOptions(provider?.options)
      if (url) return { url, source: typeof provider.resolve === "string" ? provider.resolve : name }
    }
  }
  const session = text(config?.projectConfig?.redisUrl)
  return session ? { url: session, source: "projectConfig.redisUrl" } : null
}

/** A Redis URL as it may be logged: the password replaced. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = "***"
    return u.toString().replace(/\/$/, "")
  } catch {
    return "an unparsable Redis URL"
  }
}
