/*
 * Seeded generators of hostile input for the fuzz suite: the same seed gives the same inputs, so
 * a failure can be replayed by its seed and index.
 */
export type Random = { next(): number; int(max: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean }

/** mulberry32: small, fast and good enough to spread inputs. */
export function seeded(seed: number): Random {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  }
}

const NASTY = [
  "\u0000", "\ud800", "\udfff", "\ud83d\ude00", "\u202e", "\ufeff", "\r\n", "\t", "'", '"', "\\", "%", "%00", "%ZZ", "%E0%A4%A",
  "%FF", "+", "&", "=", "[", "]", "{", "}", "<script>", "../", "..%2F", "/", "?", "#", "é", "ß", "中文", " ", "null", "undefined",
  "NaN", "-1", "1e309", "0x10", "9".repeat(40), "__proto__", "constructor", "toString", "s2s_", "SELECT 1;--", "${x}", "*",
]

/** A string of random length made of ordinary text and hostile pieces. */
export function nastyString(r: Random, maxLength = 64): string {
  if (r.chance(0.03)) return "x".repeat(r.pick([255, 256, 1024, 2049, 17 * 1024]))
  let s = ""
  const parts = r.int(6)
  for (let i = 0; i < parts && s.length < maxLength; i++) {
    s += r.chance(0.5) ? r.pick(NASTY) : r.int(36 ** 6).toString(36).slice(0, 1 + r.int(6))
  }
  // What PostgreSQL cannot store, often enough to reach every field that could carry it.
  if (r.chance(0.15)) s += r.pick(["\u0000", "\ud800", "\udc00"])
  return s
}

/** Any JSON value, nested up to `depth`. */
export function nastyValue(r: Random, depth = 2): unknown {
  switch (r.int(depth > 0 ? 9 : 7)) {
    case 0:
      return nastyString(r)
    case 1:
      return r.pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, 123456789.123456789, 100])
    case 2:
      return r.chance(0.5)
    case 3:
      return null
    case 4:
      return r.pick(["129.99", "12,50", "-0", "0.000", "1e3", " 5", "", "USD", "usd", "JPY", "KWD", "granted", "denied"])
    case 5:
      return new Date(Date.now() + (r.next() - 0.5) * 1e11).toISOString().replace(r.chance(0.3) ? "Z" : "@", "")
    case 6:
      return nastyString(r, 8)
    case 7:
      return Array.from({ length: r.int(4) }, () => nastyValue(r, depth - 1))
    default:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [nastyString(r, 12), nastyValue(r, depth - 1)]))
  }
}

/** Percent-encodes a string the way a client would, sometimes badly. */
export function encodeSloppily(r: Random, s: string): string {
  if (r.chance(0.2)) return s // raw, whatever it holds
  try {
    const encoded = encodeURIComponent(s)
    return r.chance(0.1) ? encoded.replace(/%([0-9A-F]{2})/, "%$1".slice(0, 2)) : encoded
  } catch {
    return s.replace(/[\ud800-\udfff]/g, "%ED%A0%80")
  }
}
