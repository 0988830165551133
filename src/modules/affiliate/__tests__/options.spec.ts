import { decryptApiKey, encryptApiKey } from "../utils/api-key"
import { assertProductionKey, MISSING_PRODUCTION_KEY, resolveOptions } from "../options"

const ENV = ["NODE_ENV", "AFFILIATE_ENCRYPTION_KEY", "AFFILIATE_PREVIOUS_ENCRYPTION_KEYS", "AFFILIATE_PUBLIC_URL", "MEDUSA_BACKEND_URL", "AFFILIATE_RATE_LIMIT_PER_MINUTE", "AFFILIATE_ALLOW_PRIVATE_TARGETS"]
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]))
beforeEach(() => ENV.filter((k) => k !== "NODE_ENV").forEach((k) => delete process.env[k]))
afterEach(() => ENV.forEach((k) => (saved[k] === undefined ? delete process.env[k] : (process.env[k] = saved[k]))))

describe("the plugin's options", () => {
  it("are read from AFFILIATE_* environment variables when the host passes none", () => {
    process.env.AFFILIATE_ENCRYPTION_KEY = "from-env"
    process.env.AFFILIATE_PUBLIC_URL = "https://api.shop.example/"
    process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE = "42"
    const options = resolveOptions({})
    expect(options).toMatchObject({ publicUrl: "https://api.shop.example", rateLimitPerMinute: 42, usingDevelopmentKey: false })
    expect(options.encryptionKey.equals(resolveOptions({ encryptionKey: "from-env" }).encryptionKey)).toBe(true)
  })

  it("leave publicUrl unset (null) when nothing configures it: the admin then uses the request's URL", () => {
    expect(resolveOptions({ encryptionKey: "k" }).publicUrl).toBeNull()
  })

  it("do not take MEDUSA_BACKEND_URL for publicUrl: it is kept apart, as the last fallback", () => {
    process.env.MEDUSA_BACKEND_URL = "http://localhost:9000"
    expect(resolveOptions({ encryptionKey: "k" })).toMatchObject({ publicUrl: null, medusaBackendUrl: "http://localhost:9000" })
  })

  it("refuse private outbound targets unless the option or AFFILIATE_ALLOW_PRIVATE_TARGETS allows them", () => {
    expect(resolveOptions({}).allowPrivateTargets).toBe(false)
    expect(resolveOptions({ allowPrivateTargets: true }).allowPrivateTargets).toBe(true)
    for (const [value, allowed] of [["true", true], ["1", true], ["YES", true], ["false", false], ["0", false], ["", false]] as const) {
      process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS = value
      expect([value, resolveOptions({}).allowPrivateTargets]).toEqual([value, allowed])
    }
    process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS = "true"
    expect(resolveOptions({ allowPrivateTargets: false }).allowPrivateTargets).toBe(false) // the option wins
  })

  it("say when the development key is in use", () => {
    expect(resolveOptions({}).usingDevelopmentKey).toBe(true)
    expect(resolveOptions({ encryptionKey: "k" }).usingDevelopmentKey).toBe(false)
  })

  it("refuse production without a key, with a message that says what to set", () => {
    process.env.NODE_ENV = "production"
    expect(() => resolveOptions({})).toThrow(MISSING_PRODUCTION_KEY)
    expect(() => assertProductionKey({})).toThrow(/AFFILIATE_ENCRYPTION_KEY/)
    expect(() => assertProductionKey({ encryptionKey: "k" })).not.toThrow()
  })

  it("decrypt with the previous keys during a rotation, and encrypt with the current one only", () => {
    const before = resolveOptions({ encryptionKey: "old secret" })
    const stored = encryptApiKey("s2s_secret", before.encryptionKey)
    const rotating = resolveOptions({ encryptionKey: "new secret", previousEncryptionKeys: ["old secret"] })
    expect(decryptApiKey(stored, rotating.decryptionKeys)).toBe("s2s_secret")
    expect(() => decryptApiKey(stored, rotating.encryptionKey)).toThrow()
    process.env.AFFILIATE_PREVIOUS_ENCRYPTION_KEYS = " old secret , another "
    expect(resolveOptions({ encryptionKey: "new secret" }).decryptionKeys).toHaveLength(4) // current, 2 listed, the development key
  })

  it("still open what the development key encrypted once a real key is set", () => {
    const stored = encryptApiKey("s2s_dev", resolveOptions({}).encryptionKey)
    expect(decryptApiKey(stored, resolveOptions({ encryptionKey: "real" }).decryptionKeys)).toBe("s2s_dev")
  })
})
