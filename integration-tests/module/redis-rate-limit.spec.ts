import { fork } from "node:child_process"
import path from "node:path"
import { RedisRateLimiter } from "../../src/modules/affiliate/rate-limit/redis-rate-limiter"
import { startRedis } from "../helpers/redis"

jest.setTimeout(60_000)

/*
 * The deployment-wide rate limit against a real redis-server: several server processes share one
 * sliding window per key, and a Redis outage never refuses a call.
 */
describe("RedisRateLimiter", () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  const limiters: RedisRateLimiter[] = []
  const limiter = (limit: number, warn: (m: string) => void = () => undefined) => {
    const l = new RedisRateLimiter(redis.url, limit, warn)
    l.connect()
    limiters.push(l)
    return l
  }
  const ready = async (l: RedisRateLimiter) => {
    for (let i = 0; i < 50; i++) {
      if ((l as unknown as { redis: { status: string } }).redis.status === "ready") return
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close()))
    await redis.stop()
  })

  it("accepts exactly the limit across two server processes bursting on one key", async () => {
    const script = path.join(__dirname, "fixtures/rate-limit-process.ts")
    const children = [0, 1].map(() =>
      fork(script, [redis.url, "40", "burst-key", "60"], { execArgv: ["-r", "ts-node/register/transpile-only"], stdio: ["ignore", "inherit", "inherit", "ipc"] })
    )
    await Promise.all(children.map((c) => new Promise((r) => c.once("message", r))))
    const results = children.map((c) => new Promise<{ accepted: number; refused: number }>((r) => c.once("message", r as never)))
    children.forEach((c) => c.send("go"))
    const [a, b] = await Promise.all(results)
    // Each process answered all its calls, and together they got the limit once: two windows (one
    // per process) would have accepted 80. How the 40 split between them is the machine's timing.
    expect([a.accepted + a.refused, b.accepted + b.refused]).toEqual([60, 60])
    expect(a.accepted + b.accepted).toBe(40)
  })

  it("keeps refusing for the rest of the window and says until when", async () => {
    const [one, two] = [limiter(5), limiter(5)]
    await Promise.all([ready(one), ready(two)])
    for (let i = 0; i < 5; i++) expect(await (i % 2 ? one : two).take("window-key")).toBe(0)
    await new Promise((r) => setTimeout(r, 2_000))
    const wait = await one.take("window-key")
    expect(wait).toBeGreaterThanOrEqual(57)
    expect(wait).toBeLessThanOrEqual(60)
    expect(await two.take("other-key")).toBe(0)
  })

  it("lets every call through while Redis is down, says so once, and limits again when it is back", async () => {
    const warnings: string[] = []
    const l = limiter(2, (m) => warnings.push(m))
    await ready(l)
    await redis.stop()
    const started = Date.now()
    const during = await Promise.all(Array.from({ length: 20 }, () => l.take("outage-key")))
    expect(during.every((w) => w === 0)).toBe(true)
    expect(Date.now() - started).toBeLessThan(3_000) // no waiting on a dead store
    expect(warnings.length).toBe(1)
    expect(warnings[0]).toMatch(/rate limit.*let through/)
    await redis.start()
    await ready(l)
    const after = await Promise.all([1, 2, 3].map(() => l.take("after-outage")))
    expect(after.filter((w) => w === 0)).toHaveLength(2)
  })
})
