import { RateLimiter } from "../rate-limiter"

function limiter(perMinute: number) {
  const clock = { now: 1_000_000 }
  return { clock, rl: new RateLimiter(perMinute, () => clock.now) }
}

describe("RateLimiter", () => {
  it("allows perMinute calls at once, then answers a Retry-After of at least 1 second", () => {
    const { rl } = limiter(60)
    for (let i = 0; i < 60; i++) expect(rl.take("key")).toBe(0)
    const retryAfter = rl.take("key")
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(Number.isInteger(retryAfter)).toBe(true)
  })

  it("says how long until the next token (3 a minute: one every 20 s)", () => {
    const { rl } = limiter(3)
    for (let i = 0; i < 3; i++) rl.take("key")
    expect(rl.take("key")).toBe(20)
  })

  it("refills over time", () => {
    const { rl, clock } = limiter(3)
    for (let i = 0; i < 3; i++) rl.take("key")
    clock.now += 19_999
    expect(rl.take("key")).toBeGreaterThanOrEqual(1)
    clock.now += 1
    expect(rl.take("key")).toBe(0)
    expect(rl.take("key")).toBeGreaterThanOrEqual(1)
  })

  it("never stores more than perMinute tokens, however long it was idle", () => {
    const { rl, clock } = limiter(2)
    expect(rl.take("key")).toBe(0)
    clock.now += 3_600_000
    expect([rl.take("key"), rl.take("key")]).toEqual([0, 0])
    expect(rl.take("key")).toBeGreaterThanOrEqual(1)
  })

  it("is disabled by 0", () => {
    const { rl } = limiter(0)
    for (let i = 0; i < 1000; i++) expect(rl.take("key")).toBe(0)
  })

  it("keeps keys independent", () => {
    const { rl } = limiter(1)
    expect(rl.take("a")).toBe(0)
    expect(rl.take("a")).toBeGreaterThanOrEqual(1)
    expect(rl.take("b")).toBe(0)
  })

  it("keeps at most 10,000 buckets when many different keys arrive (memory stays bounded)", () => {
    let t = 0
    const limiter = new RateLimiter(60, () => t)
    for (let i = 0; i < 10_500; i++) {
      limiter.take(`key-${i}`)
      t += 1_000 // a second apart: earlier buckets refill completely and can be dropped
    }
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(10_000)
  })
})
