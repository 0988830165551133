import type { Logger } from "@medusajs/framework/types"
import { describeRedisUrl, findHostRedisUrl } from "./host-redis"
import { RateLimiter } from "./memory-rate-limiter"
import type { ResolvedAffiliateOptions } from "../options"
import { RedisRateLimiter } from "./redis-rate-limiter"

/** The S2S endpoint's per-key limit, wherever it is kept. */
export type RateLimit = {
  /** 0 when the call is accepted, else the whole seconds to wait. */
  take(key: string): Promise<number>
  close(): Promise<void>
  /** What is active, for the boot log and the README's "Rate limit". */
  description: string
}

type HostConfig = Parameters<typeof findHostRedisUrl>[0] & { projectConfig?: { workerMode?: string } }

/**
 * Redis when the plugin's `rateLimitRedisUrl` or the host's Medusa configuration names one (the
 * limit then holds for all server processes together), else this process's memory.
 */
export function createRateLimit(options: ResolvedAffiliateOptions, hostConfig: HostConfig | undefined, logger: Logger): RateLimit {
  const perMinute = options.rateLimitPerMinute
  if (perMinute <= 0) return { take: async () => 0, close: async () => undefined, description: "S2S rate limit: off (rateLimitPerMinute is 0)" }
  const redis = options.rateLimitRedisUrl
    ? { url: options.rateLimitRedisUrl, source: "the rateLimitRedisUrl option" }
    : findHostRedisUrl(hostConfig)
  // Workers answer no HTTP: they need no connection.
  if (redis && hostConfig?.projectConfig?.workerMode !== "worker") {
    const limiter = new RedisRateLimiter(redis.url, perMinute, (message) => logger.warn(message))
    limiter.connect()
    return {
      take: (key) => limiter.take(key),
      close: () => limiter.close(),
      description: `S2S rate limit: ${perMinute} calls per minute per key for all server processes, in Redis at ${describeRedisUrl(redis.url)} (from ${redis.source})`,
    }
  }
  const limiter = new RateLimiter(perMinute)
  return {
    take: async (key) => limiter.take(key),
    close: async () => undefined,
    description: redis
      ? `S2S rate limit: not used in worker mode`
      : `S2S rate limit: ${perMinute} calls per minute per key in this process's memory (no Redis configured: with several server processes each one counts apart)`,
  }
}
