import { entityId } from "../entity-id"

describe("entityId", () => {
  it("is Medusa's format: the prefix, an underscore and a 26-character Crockford base32 ULID", () => {
    expect(entityId("aconv")).toMatch(/^aconv_[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  it("never repeats, also across refills of its random pool", () => {
    const ids = Array.from({ length: 20_000 }, () => entityId("areq"))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("sorts by creation time, like Medusa's own ids", async () => {
    const first = entityId("aclk")
    await new Promise((r) => setTimeout(r, 5))
    expect(entityId("aclk") > first).toBe(true)
  })

  it("uses every character of the alphabet in the random part", () => {
    const seen = new Set(Array.from({ length: 2_000 }, () => entityId("x").slice(12)).join(""))
    expect(seen.size).toBe(32)
  })
})
