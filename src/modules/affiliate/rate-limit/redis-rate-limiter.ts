import { randomBytes } from "node:crypto"
import Redis from "ioredis"
import { RATE_WINDOW_MS } from "./memory-rate-limiter"

/**
 * The sliding-window log of `RateLimiter`, kept in Redis so that every server process counts
 * against the same window. Per key, a sorted set holds the accepted calls (score: Redis's own
 * clock in ms, so the processes' clocks do not matter). One script, run atomically: drop what left
 * the window, accept and record the call if fewer than the limit remain, else answer how many ms
 * until the oldest one leaves. No 60-second window can therefore hold more accepted calls than
 * the limit, whichever process accepted them.
 */
const TAKE_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`

const KEY_PREFIX = "affiliate:s2s-rate:"
const WARN_EVERY_MS = 60_000

type TakeCommand = { affiliateRateTake(key: string, limit: number, windowMs: number, member: string): Promise<number> }

export class RedisRateLimiter {
  private readonly redis: Redis & TakeCommand
  /** Members must be unique across processes: this process's random prefix and a counter. */
  private readonly nonce = randomBytes(6).toString("hex")
  private sequence = 0
  private lastWarning = 0

  constructor(
    url: string,
    private readonly perMinute: number,
    private readonly warn: (message: string) => void
  ) {
    // No offline queue and a short command timeout: while Redis is away, calls fail at once and
    // the limiter lets them through instead of holding conversions up.
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      commandTimeout: 1_000,
      retryStrategy: (times) => Math.min(times * 250, 2_000),
    }) as Redis & TakeCommand
    this.redis.defineCommand("affiliateRateTake", { numberOfKeys: 1, lua: TAKE_SCRIPT })
    this.redis.on("error", (e: Error) => this.warnSometimes(`cannot reach Redis (${e.message})`))
  }

  connect() {
    this.redis.connect().catch(() => undefined)
  }

  /** 0 when the call is accepted, else the whole seconds until one would be; 0 too when Redis fails. */
  async take(key: string): Promise<number> {
    if (this.perMinute <= 0) return 0
    try {
      const member = `${this.nonce}:${this.sequence++}`
      const waitMs = Number(await this.redis.affiliateRateTake(KEY_PREFIX + key, this.perMinute, RATE_WINDOW_MS, member))
      return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0
    } catch (e) {
      this.warnSometimes(`Redis failed (${(e as Error).message})`)
      return 0
    }
  }

  async close() {
    this.redis.disconnect()
  }

  /** A conversion is never refused because the limiter's store is down: say so, once a minute at most. */
  private warnSometimes(problem: string) {
    const now = Date.now()
    if (now - this.lastWarning < WARN_EVERY_MS) return
    this.lastWarning = now
    this.warn(`medusa-plugin-affiliate-s2s: S2S rate limit: ${problem}; calls are let through until it answers again`)
  }
}
