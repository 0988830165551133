import { describeRedisUrl, findHostRedisUrl } from "../host-redis"

describe("findHostRedisUrl", () => {
  it("finds the Redis of the event bus, workflow engine, cache or locking module, as Medusa configures them", () => {
    expect(findHostRedisUrl({ modules: { event_bus: { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: "redis://a:6379" } } } })).toEqual({
      url: "redis://a:6379",
      source: "@medusajs/medusa/event-bus-redis",
    })
    expect(findHostRedisUrl({ modules: [{ resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: "redis://b" } } }] })?.url).toBe("redis://b")
    expect(findHostRedisUrl({ modules: { wf: { resolve: "x", options: { redis: { url: "redis://legacy" } } } } })?.url).toBe("redis://legacy")
    const locking = {
      modules: {
        locking: {
          resolve: "@medusajs/medusa/locking",
          options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", options: { redisUrl: "redis://c" } }] },
        },
      },
    }
    expect(findHostRedisUrl(locking)).toEqual({ url: "redis://c", source: "@medusajs/medusa/locking-redis" })
  })

  it("falls back to the session store's projectConfig.redisUrl, and finds nothing in a Redis-less app", () => {
    expect(findHostRedisUrl({ projectConfig: { redisUrl: "redis://s" }, modules: { cart: true } })).toEqual({ url: "redis://s", source: "projectConfig.redisUrl" })
    expect(findHostRedisUrl({ projectConfig: {}, modules: { affiliate: { resolve: "./src/modules/affiliate", options: { encryptionKey: "x" } }, cart: false } })).toBeNull()
    expect(findHostRedisUrl(undefined)).toBeNull()
  })

  it("never logs a Redis password", () => {
    expect(describeRedisUrl("redis://user:secret@redis.internal:6380/2")).toBe("redis://user:***@redis.internal:6380/2")
    expect(describeRedisUrl("redis://localhost:6379")).toBe("redis://localhost:6379")
  })
})
