import { RateLimiter } from "../memory-rate-limiter"

function limiter(perMinute: number, maxKeys?: number) {
  const clock = { now: 1_000_000 }
  return { clock, rl: new RateLimiter(perMinute, () => clock.now, maxKeys) }
}

/** The most accepted calls any 60-second window holds. */
function busiestMinute(acceptedAt: number[]): number {
  let most = 0
  for (const [i, t] of acceptedAt.entries()) {
    most = Math.max(most, acceptedAt.slice(0, i + 1).filter((s) => s > t - 60_000).length)
  }
  return most
}

describe("RateLimiter (sliding-window log)", () => {
  it("allows perMinute calls at once, then answers how long until the oldest leaves the window", () => {
    const { rl, clock } = limiter(60)
    for (let i = 0; i < 60; i++) expect(rl.take("key")).toBe(0)
    expect(rl.take("key")).toBe(60)
    clock.now += 45_500
    expect(rl.take("key")).toBe(15) // 14.5 s rounded up: never too early
  })

  it("accepts no more than the limit in the minute after a burst: no burst-plus-refill", () => {
    // The case: a fresh key passed 1,179 calls in 58 s (600 at once, then 10/s).
    const { rl, clock } = limiter(600)
    let accepted = 0
    for (let i = 0; i < 600; i++) accepted += rl.take("key") === 0 ? 1 : 0
    for (let ms = 100; ms <= 58_000; ms += 100) {
      clock.now += 100
      accepted += rl.take("key") === 0 ? 1 : 0
    }
    expect(accepted).toBe(600)
  })

  it("never holds more than perMinute accepted calls in any 60-second window, whatever the arrival times", () => {
    const { rl, clock } = limiter(50)
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const acceptedAt: number[] = []
    for (let i = 0; i < 3000; i++) {
      clock.now += Math.floor(random() * (random() < 0.9 ? 200 : 5000))
      if (rl.take("key") === 0) acceptedAt.push(clock.now)
    }
    expect(busiestMinute(acceptedAt)).toBe(50)
    expect(acceptedAt.length).toBeGreaterThan(50 * 5) // and it keeps accepting as the window slides
  })

  it("lets a call in exactly when the oldest one is 60 s old", () => {
    const { rl, clock } = limiter(3)
    for (let i = 0; i < 3; i++) {
      expect(rl.take("key")).toBe(0)
      clock.now += 10_000
    }
    clock.now = 1_000_000 + 59_999
    expect(rl.take("key")).toBeGreaterThanOrEqual(1)
    clock.now = 1_000_000 + 60_000
    expect(rl.take("key")).toBe(0)
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

  it("keeps at most maxKeys windows, dropping idle ones first", () => {
    const { rl, clock } = limiter(5, 100)
    for (let i = 0; i < 500; i++) {
      rl.take(`key-${i}`)
      clock.now += 1_000
    }
    expect((rl as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100)
    // A busy key survives a crowd of newcomers while its window is full.
    const { rl: busy, clock: c2 } = limiter(2, 10)
    busy.take("busy")
    busy.take("busy")
    for (let i = 0; i < 9; i++) busy.take(`idle-${i}`)
    c2.now += 61_000
    for (let i = 0; i < 9; i++) busy.take(`new-${i}`)
    expect((busy as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(10)
  })
})
