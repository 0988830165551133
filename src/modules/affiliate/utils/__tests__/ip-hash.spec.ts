import { hashIp, hashVisitor } from "../ip-hash"

const SECRET = Buffer.alloc(32, 7)

describe("hashIp", () => {
  it("gives the same hash for the same IP (repeat and fraud checks)", () => {
    expect(hashIp("203.0.113.7", SECRET)).toBe(hashIp("203.0.113.7", Buffer.alloc(32, 7)))
  })

  it("gives different hashes for different IPs", () => {
    expect(hashIp("203.0.113.7", SECRET)).not.toBe(hashIp("203.0.113.8", SECRET))
  })

  it("depends on the secret, so it cannot be recomputed without it", () => {
    expect(hashIp("203.0.113.7", SECRET)).not.toBe(hashIp("203.0.113.7", Buffer.alloc(32, 8)))
  })

  it.each(["203.0.113.7", "2001:db8::1", "10.0.0.1"])("never contains the raw IP %s", (ip) => {
    const hash = hashIp(ip, SECRET)!
    expect(hash).toMatch(/^[0-9a-f]+$/)
    expect(hash).not.toContain(ip)
    expect(hash.length).toBeGreaterThanOrEqual(32)
  })

  it.each(["", null, undefined])("returns null when there is no IP (%p)", (ip) => {
    expect(hashIp(ip, SECRET)).toBeNull()
  })
})

describe("hashVisitor", () => {
  const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0"
  it("is the same for the same IP and user agent, and differs when either differs", () => {
    expect(hashVisitor("203.0.113.7", UA, SECRET)).toBe(hashVisitor("203.0.113.7", UA, Buffer.alloc(32, 7)))
    expect(hashVisitor("203.0.113.7", UA, SECRET)).not.toBe(hashVisitor("203.0.113.8", UA, SECRET))
    expect(hashVisitor("203.0.113.7", UA, SECRET)).not.toBe(hashVisitor("203.0.113.7", UA + " Edge", SECRET))
    expect(hashVisitor("203.0.113.7", UA, SECRET)).not.toBe(hashIp("203.0.113.7", SECRET))
  })
  it("is keyed, holds neither value, and is null without an IP", () => {
    expect(hashVisitor("203.0.113.7", UA, SECRET)).not.toBe(hashVisitor("203.0.113.7", UA, Buffer.alloc(32, 8)))
    expect(hashVisitor("203.0.113.7", UA, SECRET)).toMatch(/^[0-9a-f]{32}$/)
    expect(hashVisitor(null, UA, SECRET)).toBeNull()
  })
})
