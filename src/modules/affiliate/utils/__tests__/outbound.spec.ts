import { randomBytes } from "node:crypto"
import { decryptApiKey } from "../api-key"
import { SecretBox } from "../secret-box"
import { buildOutboundPayload, outboundKeyName, REDACTED_OUTBOUND_KEY, redactOutboundKey, retryDelayMs, sealOutboundKey } from "../outbound"

const conversion = {
  click_token: "AbC123xyzTOKEN",
  order_id: "order_01H",
  order_total: "129.99",
  order_currency: "usd",
  is_test: false,
}

describe("buildOutboundPayload", () => {
  it("uses this plugin's own S2S parameter names by default, upper-cases the currency and carries no key", () => {
    expect(buildOutboundPayload(conversion)).toEqual({
      click_token: "AbC123xyzTOKEN",
      order_id: "order_01H",
      order_total: "129.99",
      order_currency: "USD",
    })
  })

  it("passes the click token through byte for byte", () => {
    expect(buildOutboundPayload({ ...conversion, click_token: "aBc-_XyZ" }).click_token).toBe("aBc-_XyZ")
  })

  it("adds test=true only for test conversions", () => {
    expect(buildOutboundPayload({ ...conversion, is_test: true })).toEqual({
      click_token: "AbC123xyzTOKEN",
      order_id: "order_01H",
      order_total: "129.99",
      order_currency: "USD",
      test: "true",
    })
    expect(buildOutboundPayload(conversion)).not.toHaveProperty("test")
  })

  it("never includes an api_key, even with a custom key name", () => {
    const payload = buildOutboundPayload({ ...conversion, is_test: true }, { api_key: "token" })
    expect(payload).not.toHaveProperty("api_key")
    expect(payload).not.toHaveProperty("token")
  })

  it("maps custom parameter names and keeps the defaults for the rest", () => {
    const payload = buildOutboundPayload(
      { ...conversion, is_test: true },
      { click_token: "clickid", order_total: "amount", test: "sandbox" }
    )
    expect(payload).toEqual({
      clickid: "AbC123xyzTOKEN",
      order_id: "order_01H",
      amount: "129.99",
      order_currency: "USD",
      sandbox: "true",
    })
  })

  it("treats null names as the defaults", () => {
    expect(buildOutboundPayload(conversion, null)).toEqual(buildOutboundPayload(conversion))
  })
})

describe("outboundKeyName", () => {
  it("defaults to api_key", () => {
    expect(outboundKeyName()).toBe("api_key")
    expect(outboundKeyName(null)).toBe("api_key")
    expect(outboundKeyName({ click_token: "clickid" })).toBe("api_key")
  })

  it("uses the configured name", () => {
    expect(outboundKeyName({ api_key: "X-Partner-Key" })).toBe("X-Partner-Key")
  })
})

describe("retryDelayMs", () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [10, 30_000 * 512],
  ])("after %i failed attempts waits %i ms", (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms)
  })

  it("never waits more than 6 hours", () => {
    const sixHours = 6 * 60 * 60 * 1000
    expect(retryDelayMs(11)).toBe(sixHours) // 30 s × 2^10 would be 8.5 h
    expect(retryDelayMs(50)).toBe(sixHours)
    expect(retryDelayMs(5000)).toBe(sixHours)
  })

  it("never shrinks as failures pile up", () => {
    for (let n = 1; n < 40; n++) expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n))
  })
})

describe("sealOutboundKey", () => {
  const secret = randomBytes(32)
  const seal = (plain: string) => new SecretBox(secret, [secret]).seal(plain)

  it("leaves the stored key alone when no key is given", () => {
    const absent = sealOutboundKey({ outbound_url: "https://net.example/s2s" }, seal)
    expect(absent).toEqual({ outbound_url: "https://net.example/s2s" })
    expect(absent).not.toHaveProperty("outbound_api_key_ciphertext")

    const undef = sealOutboundKey({ outbound_url: "https://net.example/s2s", outbound_api_key: undefined }, seal)
    expect(undef).toEqual({ outbound_url: "https://net.example/s2s" })
    expect(undef).not.toHaveProperty("outbound_api_key_ciphertext")
    expect(undef).not.toHaveProperty("outbound_api_key")
  })

  it("clears the stored key on null", () => {
    const result = sealOutboundKey({ outbound_url: "https://net.example/s2s", outbound_api_key: null }, seal)
    expect(result).toEqual({ outbound_url: "https://net.example/s2s", outbound_api_key_ciphertext: null })
    expect(result).not.toHaveProperty("outbound_api_key")
  })

  it("replaces a key by a ciphertext that decrypts back to it, and drops the plain key", () => {
    const key = "partner-secret-key-123"
    const result = sealOutboundKey({ outbound_url: "https://net.example/s2s", outbound_api_key: key }, seal)

    expect(result).not.toHaveProperty("outbound_api_key")
    expect(result.outbound_url).toBe("https://net.example/s2s")
    expect(typeof result.outbound_api_key_ciphertext).toBe("string")
    expect(result.outbound_api_key_ciphertext).not.toBe(key)
    expect(JSON.stringify(result)).not.toContain(key)
    expect(decryptApiKey(result.outbound_api_key_ciphertext as string, secret)).toBe(key)
  })

  it("cannot be decrypted with another secret", () => {
    const result = sealOutboundKey({ outbound_api_key: "partner-secret-key-123" }, seal)
    expect(() => decryptApiKey(result.outbound_api_key_ciphertext as string, randomBytes(32))).toThrow()
  })
})

describe("redactOutboundKey", () => {
  // A key with every character an encoding changes: slash, plus, equals, ampersand, space, quote,
  // backslash, non-ASCII and an emoji.
  const key = 'pk/Live+Key=1&2 "q"\\é🙂-ZZ'
  const secret = (text: string) => text.includes("Live")

  const echoes: Record<string, string> = {
    raw: `{"received":{"token":"x","api_key":"${key}"}}`,
    "percent-encoded (a GET query echoed by URL)": `GET /s2s?token=${encodeURIComponent(key)}&order_id=1`,
    "percent-encoded in lower case": `url=/s2s?token=${encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
    "form-encoded (URLSearchParams, what a GET delivery sends)": `echo: ${new URLSearchParams({ token: key })}`,
    "double percent-encoded": `next=${encodeURIComponent(`/s2s?token=${encodeURIComponent(key)}`)}`,
    "encodeURI": `link: ${encodeURI(`https://n.example/?token=${key}`)}`,
    "JSON-escaped (a POST body echoed)": JSON.stringify({ echo: { api_key: key } }),
    "PHP json_encode": `{"api_key":"${JSON.stringify(key).slice(1, -1).replace(/\//g, "\\/").replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"}`,
    "HTML-escaped (an error page)": `<p>bad key: ${key.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}</p>`,
  }

  it.each(Object.keys(echoes))("removes the key echoed %s", (name) => {
    const out = redactOutboundKey(echoes[name], key)
    expect(secret(out)).toBe(false)
    expect(out).toContain(REDACTED_OUTBOUND_KEY)
  })

  it("leaves an answer without the key, or a campaign without a key, alone", () => {
    expect(redactOutboundKey('{"status":"success"}', key)).toBe('{"status":"success"}')
    expect(redactOutboundKey(`token=${key}`, null)).toBe(`token=${key}`)
  })
})
