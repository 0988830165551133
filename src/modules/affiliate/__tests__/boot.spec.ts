import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer } from "@medusajs/framework/utils"
import bootAffiliateModule, { RATE_LIMIT_REGISTRATION } from "../loaders/boot"
import type { RateLimit } from "../rate-limit"

function logger() {
  const lines: { level: string; message: string }[] = []
  const at = (level: string) => (message: string) => lines.push({ level, message })
  return { lines, logger: { warn: at("warn"), info: at("info"), error: at("error"), debug: at("debug") } as never }
}

const saved = process.env.AFFILIATE_ENCRYPTION_KEY
beforeEach(() => delete process.env.AFFILIATE_ENCRYPTION_KEY)
afterAll(() => (saved === undefined ? delete process.env.AFFILIATE_ENCRYPTION_KEY : (process.env.AFFILIATE_ENCRYPTION_KEY = saved)))

describe("the module's boot", () => {
  it("warns when the development encryption key is in use, and not when a key is set", async () => {
    const dev = logger()
    await bootAffiliateModule({ container: createMedusaContainer(), logger: dev.logger, options: {} } as never)
    expect(dev.lines.filter((l) => l.level === "warn").map((l) => l.message).join()).toMatch(/development key/)
    const set = logger()
    await bootAffiliateModule({ container: createMedusaContainer(), logger: set.logger, options: { encryptionKey: "k" } } as never)
    expect(set.lines.filter((l) => l.level === "warn")).toHaveLength(0)
  })

  it("says the rate limit is kept in this process without Redis, and in the host's Redis when it has one", async () => {
    const alone = logger()
    const container = createMedusaContainer()
    await bootAffiliateModule({ container, logger: alone.logger, options: { encryptionKey: "k" } } as never)
    expect(alone.lines.find((l) => l.level === "info")?.message).toMatch(/in this process's memory/)

    const withRedis = logger()
    const host = createMedusaContainer()
    host.register(ContainerRegistrationKeys.CONFIG_MODULE, asValue({
      projectConfig: { workerMode: "server" },
      modules: { event_bus: { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: "redis://:pw@127.0.0.1:1" } } },
    }))
    await bootAffiliateModule({ container: host, logger: withRedis.logger, options: { encryptionKey: "k" } } as never)
    expect(withRedis.lines.find((l) => l.level === "info")?.message).toMatch(
      /for all server processes, in Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 \(from @medusajs\/medusa\/event-bus-redis\)/
    )
    await host.resolve<RateLimit>(RATE_LIMIT_REGISTRATION).close()
  })
})
