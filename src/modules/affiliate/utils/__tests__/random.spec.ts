import { randomBase62 } from "../random"

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

describe("randomBase62", () => {
  it.each([0, 1, 22, 40, 500])("returns exactly %i characters", (length) => {
    expect(randomBase62(length)).toHaveLength(length)
  })

  it("uses only the 62 alphanumeric characters (URL-safe, no padding)", () => {
    const out = randomBase62(5000)
    expect(out).toMatch(/^[0-9A-Za-z]+$/)
    expect(encodeURIComponent(out)).toBe(out)
  })

  it("draws every character about equally often (no modulo bias)", () => {
    // 124,000 draws: 2,000 expected per character, sd ≈ 44. Without rejection sampling the first
    // 8 characters would come up ≈ 2,420 times, far outside the ±250 band.
    const counts = new Map<string, number>()
    for (const ch of randomBase62(124_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
    expect(counts.size).toBe(62)
    for (const ch of BASE62) {
      expect(Math.abs(counts.get(ch)! - 2000)).toBeLessThan(250)
    }
  })

  it("does not repeat itself across draws", () => {
    const draws = new Set(Array.from({ length: 1000 }, () => randomBase62(16)))
    expect(draws.size).toBe(1000)
  })
})
