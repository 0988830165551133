import { randomBytes } from "node:crypto"
import {
  apiKeyPrefix,
  decryptApiKey,
  encryptApiKey,
  generateApiKey,
  hashApiKey,
  openSecret,
  redactApiKeys,
} from "../api-key"
import { redactForLog } from "../log-redaction"

const SECRET = randomBytes(32)

describe("generateApiKey", () => {
  it("is s2s_ followed by at least 32 base62 characters", () => {
    expect(generateApiKey()).toMatch(/^s2s_[0-9A-Za-z]{32,}$/)
  })

  it("never repeats", () => {
    expect(new Set(Array.from({ length: 2000 }, generateApiKey)).size).toBe(2000)
  })
})

describe("hashApiKey", () => {
  it("is the SHA-256 hex digest, stable across calls", () => {
    // SHA-256("abc"), the FIPS 180-2 test vector.
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    const key = generateApiKey()
    expect(hashApiKey(key)).toBe(hashApiKey(key))
    expect(hashApiKey(key)).not.toBe(hashApiKey(generateApiKey()))
  })
})

describe("encryptApiKey / decryptApiKey", () => {
  it("round-trips a key without storing it in clear", () => {
    const key = generateApiKey()
    const stored = encryptApiKey(key, SECRET)
    expect(stored).not.toContain(key)
    expect(Buffer.from(stored, "base64").toString("latin1")).not.toContain(key)
    expect(decryptApiKey(stored, SECRET)).toBe(key)
  })

  it("produces a different ciphertext each time (random IV)", () => {
    const key = generateApiKey()
    const a = encryptApiKey(key, SECRET)
    const b = encryptApiKey(key, SECRET)
    expect(a).not.toBe(b)
    expect(decryptApiKey(b, SECRET)).toBe(key)
  })

  it("refuses to decrypt with the wrong secret (GCM authentication)", () => {
    const stored = encryptApiKey(generateApiKey(), SECRET)
    expect(() => decryptApiKey(stored, randomBytes(32))).toThrow()
  })

  it.each([
    ["the ciphertext", 30],
    ["the auth tag", 14],
    ["the IV", 2],
  ])("refuses a ciphertext tampered in %s", (_part, index) => {
    const raw = Buffer.from(encryptApiKey(generateApiKey(), SECRET), "base64")
    raw[index] ^= 0x01
    expect(() => decryptApiKey(raw.toString("base64"), SECRET)).toThrow()
  })
})

describe("apiKeyPrefix", () => {
  it("shows only the first 10 characters, then an ellipsis", () => {
    const key = "s2s_AbCdEf0123456789012345678901234567890"
    expect(apiKeyPrefix(key)).toBe("s2s_AbCdEf…")
  })
})

describe("redactApiKeys", () => {
  it("removes the full key from an S2S URL, keeping the rest", () => {
    const key = generateApiKey()
    const out = redactApiKeys(`/integration/s2sConvert?api_key=${key}&x=1`)
    expect(out).toBe(`/integration/s2sConvert?api_key=${apiKeyPrefix(key)}&x=1`)
    expect(out).not.toContain(key)
  })

  it("removes every key from a log line", () => {
    const [a, b] = [generateApiKey(), generateApiKey()]
    const out = redactApiKeys(`old=${a} new=${b}, again ${a}; Authorization: Bearer ${b}`)
    expect(out).not.toContain(a)
    expect(out).not.toContain(b)
    expect(out).toContain(apiKeyPrefix(a))
    expect(out).toContain(apiKeyPrefix(b))
  })

  it("leaves text without keys alone", () => {
    expect(redactApiKeys("order 42 of campaign cmp_01 recorded")).toBe("order 42 of campaign cmp_01 recorded")
    expect(redactApiKeys("/integration/s2sConvert?order_id=A%20B&x=%E2%82%AC")).toBe("/integration/s2sConvert?order_id=A%20B&x=%E2%82%AC")
  })

  // Each variant hides the key from a plain `s2s_…` match; the secret part must still never survive.
  const variants = (key: string) => ({
    "percent-encoded underscore": key.replace("_", "%5F"),
    "lower-case percent-encoding": key.replace("_", "%5f"),
    "every character percent-encoded": [...key].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(""),
    "double-encoded": key.replace("_", "%255F"),
    "triple-encoded": key.replace("_", "%25255F"),
    "upper-case prefix": key.replace("s2s_", "S2S_"),
    "mixed-case prefix, encoded": key.replace("s2s_", "S2s%5f"),
    "JSON unicode escape": key.replace("_", "\\u005f"),
    "secret part alone": key.slice(4),
  })

  it.each(Object.keys(variants("s2s_x")))("redacts a key sent %s, in a query, a path or a JSON body", (name) => {
    const key = generateApiKey()
    const secret = key.slice(10) // all but the prefix the logs may show
    const sent = variants(key)[name as keyof ReturnType<typeof variants>]
    for (const text of [
      `/integration/s2sConvert?api_key=${sent}&order_id=1`,
      `/integration/s2sConvertt?API_KEY=${sent}`,
      `{"api_key":"${sent}","order_id":"1"}`,
      `referer https://shop.example/thanks?x=1&api-key=${sent}`,
    ]) {
      const out = redactForLog(text)
      expect(out).not.toContain(secret)
      expect(out.toLowerCase()).toContain(key.slice(4, 10).toLowerCase())
    }
  })

  it("keeps a log line one line when decoding reveals control characters", () => {
    const key = generateApiKey()
    expect(redactForLog(`/x?a=%0Aforged%20line&api_key=${key.replace("_", "%5F")}`)).toBe(`/x?a=%0Aforged line&api_key=${apiKeyPrefix(key)}`)
  })
})

describe("openSecret (key rotation)", () => {
  it("opens with the current key first, then earlier ones, and says which", () => {
    const [current, previous] = [randomBytes(32), randomBytes(32)]
    expect(openSecret(encryptApiKey("a", previous), [current, previous])).toEqual({ plain: "a", keyIndex: 1 })
    expect(openSecret(encryptApiKey("b", current), [current, previous])).toEqual({ plain: "b", keyIndex: 0 })
    expect(() => openSecret(encryptApiKey("c", randomBytes(32)), [current, previous])).toThrow(/cannot be decrypted/)
  })
})
