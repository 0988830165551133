import { CLICK_TOKEN_LENGTH, generateClickToken, MAX_CLICK_TOKEN_LENGTH } from "../click-token"

describe("generateClickToken", () => {
  it("carries at least 128 bits of base62 entropy", () => {
    const token = generateClickToken()
    expect(token).toHaveLength(CLICK_TOKEN_LENGTH)
    expect(token.length * Math.log2(62)).toBeGreaterThanOrEqual(128)
  })

  it("is URL-safe base62 with no padding, so it survives a query string untouched", () => {
    for (let i = 0; i < 200; i++) {
      const token = generateClickToken()
      expect(token).toMatch(/^[0-9A-Za-z]+$/)
      expect(encodeURIComponent(token)).toBe(token)
      expect(new URL(`https://x.example/?click_token=${token}`).searchParams.get("click_token")).toBe(token)
    }
  })

  it("never repeats across many draws", () => {
    const tokens = new Set(Array.from({ length: 20_000 }, generateClickToken))
    expect(tokens.size).toBe(20_000)
  })

  it("fits well within the 128-character limit the S2S endpoint accepts", () => {
    expect(MAX_CLICK_TOKEN_LENGTH).toBe(128)
    expect(CLICK_TOKEN_LENGTH).toBeLessThanOrEqual(MAX_CLICK_TOKEN_LENGTH)
  })
})
