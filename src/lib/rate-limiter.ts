/**
 * Token bucket per key, in this process's memory. With several server processes each one
 * applies the limit on its own (documented in the README).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>()
  private readonly refillPerMs: number

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now
  ) {
    this.refillPerMs = perMinute / 60_000
  }

  /** Takes one token; returns 0 when allowed, else the whole seconds to wait. */
  take(key: string): number {
    if (this.perMinute <= 0) return 0
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs)
    bucket.updatedAt = now
    if (!this.buckets.has(key) && this.buckets.size >= 10_000) this.sweep(now)
    this.buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000))
  }

  /** Full buckets carry no information; dropping them bounds memory under key spraying. */
  private sweep(now: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.updatedAt) * this.refillPerMs >= this.perMinute) this.buckets.delete(key)
    }
  }
}
