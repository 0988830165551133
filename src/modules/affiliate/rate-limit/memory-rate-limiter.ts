export const RATE_WINDOW_MS = 60_000
const MAX_KEYS = 10_000

/**
 * A sliding-window log per key, in this process's memory: the time of every call accepted in the
 * last 60 s is kept, and a call is accepted only while fewer than `perMinute` are, so no 60-second
 * window ever holds more than `perMinute` accepted calls (a token bucket allows a full burst plus
 * its refill, nearly twice the number). The same algorithm runs in Redis for a deployment of
 * several processes (README, "Rate limit"); this one serves a single process without Redis.
 */
export class RateLimiter {
  /** Per key, the accepted calls' times, oldest first. Map order is least recently used first. */
  private readonly windows = new Map<string, number[]>()

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = MAX_KEYS
  ) {}

  /** Accepts one call; returns 0 when accepted, else the whole seconds until one would be. */
  take(key: string): number {
    if (this.perMinute <= 0) return 0
    const now = this.now()
    const times = this.windows.get(key) ?? []
    while (times.length && times[0] <= now - RATE_WINDOW_MS) times.shift()
    this.windows.delete(key)
    if (this.windows.size >= this.maxKeys) this.evict(now)
    this.windows.set(key, times)
    if (times.length < this.perMinute) {
      times.push(now)
      return 0
    }
    return Math.max(1, Math.ceil((times[0] + RATE_WINDOW_MS - now) / 1000))
  }

  /**
   * Keys with no call in the window carry no information and go first; if every key is busy, the
   * least recently used one goes. Keys are the campaigns' live API keys, so this bound is only
   * reached by a deployment with more than 10,000 campaigns calling in the same minute.
   */
  private evict(now: number) {
    for (const [key, times] of this.windows) {
      if (!times.length || times[times.length - 1] <= now - RATE_WINDOW_MS) this.windows.delete(key)
    }
    if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string)
  }
}
