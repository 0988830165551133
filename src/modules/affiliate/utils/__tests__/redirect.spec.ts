import { chooseDestination, withClickToken } from "../redirect"

const TARGET = "https://shop.example.com/landing?ref=x#top"
const ALLOWED = ["partner.example"]

describe("chooseDestination", () => {
  it("uses the target when there is no deep link", () => {
    expect(chooseDestination(TARGET, undefined).href).toBe(TARGET)
    expect(chooseDestination(TARGET, "").href).toBe(TARGET)
  })

  it.each([
    ["a same-origin deep link", "https://shop.example.com/p/1?x=2#f", "https://shop.example.com/p/1?x=2#f"],
    ["a root-relative path", "/deals?x=1", "https://shop.example.com/deals?x=1"],
    ["a relative path", "deals", "https://shop.example.com/deals"],
    ["an allowed host", "https://partner.example/x", "https://partner.example/x"],
    ["an allowed host in other case", "https://PARTNER.example/x", "https://partner.example/x"],
  ])("follows %s", (_name, url, expected) => {
    expect(chooseDestination(TARGET, url, ALLOWED).href).toBe(expected)
  })

  it.each([
    ["another origin", "https://evil.example"],
    ["a protocol-relative URL", "//evil.example/x"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["userinfo on the target host", "https://shop.example.com@evil.example"],
    ["userinfo on the same origin", "https://user:pw@shop.example.com/x"],
    ["backslashes", "https:\\\\evil.example"],
    ["another scheme of the target host", "http://shop.example.com/a"],
    ["another port of the target host", "https://shop.example.com:8443/a"],
    ["an allowed host over another scheme", "http://partner.example/x"],
    ["a look-alike suffix", "https://shop.example.com.evil.example/"],
  ])("keeps the target for %s", (_name, url) => {
    expect(chooseDestination(TARGET, url, ALLOWED).href).toBe(TARGET)
  })

  it("never leaves the target's origin or an allowed host, whatever the deep link", () => {
    const hostile = [
      "https://evil.example",
      "//evil.example/x",
      "///evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https:\\\\evil.example",
      "https:/\\evil.example",
      " https://evil.example",
      "\thttps://evil.example",
      "ht\ttps://evil.example",
      "https://evil.example#@shop.example.com",
      "https://evil.example?@shop.example.com",
      "https://evil.example\\@shop.example.com",
      "https://shop.example.com@evil.example",
      "https://shop.example.com%40evil.example",
      "https://evil.example%2F@shop.example.com",
      "https://shop.example.com%2eevil.example",
      "https://shop.example.com.",
      "javascript://shop.example.com/%0aalert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:msgbox(1)",
      "ftp://shop.example.com/",
      "http://partner.example/",
      "https://partner.example.evil.example/",
      "https://[::1]/",
      "https://127.0.0.1/",
      "http:evil.example",
      "%2F%2Fevil.example",
      "https://",
    ]
    const permitted = [new URL(TARGET).origin, "https://partner.example"]
    const escaped = hostile
      .map((url) => ({ url, destination: chooseDestination(TARGET, url, ALLOWED) }))
      .filter(({ destination: d }) => !permitted.includes(d.origin) || d.username || d.password)
      .map(({ url, destination }) => `${url} -> ${destination.href}`)
    expect(escaped).toEqual([])
  })
})

describe("withClickToken", () => {
  it("appends click_token while keeping the target's own query and fragment", () => {
    const out = new URL(withClickToken(new URL(TARGET), "Tok3n"))
    expect(out.origin + out.pathname).toBe("https://shop.example.com/landing")
    expect([...out.searchParams]).toEqual([
      ["ref", "x"],
      ["click_token", "Tok3n"],
    ])
    expect(out.hash).toBe("#top")
  })

  it("replaces an existing click_token instead of adding a second one", () => {
    const out = new URL(withClickToken(new URL("https://shop.example.com/?click_token=old&a=1"), "new"))
    expect(out.searchParams.getAll("click_token")).toEqual(["new"])
    expect(out.searchParams.get("a")).toBe("1")
  })

  it("keeps the target's query text byte for byte", () => {
    const target = "https://shop.example.com/p?flag&p=/x;y&q=a%20b#frag"
    expect(withClickToken(new URL(target), "T0k")).toBe("https://shop.example.com/p?flag&p=/x;y&q=a%20b&click_token=T0k#frag")
    expect(withClickToken(new URL("https://shop.example.com/"), "T0k")).toBe("https://shop.example.com/?click_token=T0k")
  })

  it("appends click_expires_at (Unix seconds) after the token, still keeping the query and fragment byte for byte", () => {
    const expires = new Date("2026-01-31T12:00:00.750Z")
    const target = "https://shop.example.com/p?flag&p=/x;y&q=a%20b#frag"
    expect(withClickToken(new URL(target), "T0k", expires)).toBe(
      "https://shop.example.com/p?flag&p=/x;y&q=a%20b&click_token=T0k&click_expires_at=1769860800#frag"
    )
  })

  it("replaces a stale click_expires_at with the new click's, and drops it when the new click has none", () => {
    const stale = new URL("https://shop.example.com/?click_token=old&click_expires_at=1&a=1")
    const out = new URL(withClickToken(stale, "new", new Date(2_000_000_000_000)))
    expect([...out.searchParams]).toEqual([
      ["click_token", "new"],
      ["click_expires_at", "2000000000"],
      ["a", "1"],
    ])
    expect(new URL(withClickToken(stale, "new")).searchParams.has("click_expires_at")).toBe(false)
  })

  it("leaves the URL unchanged without a token (paused campaign or affiliate)", () => {
    expect(withClickToken(new URL(TARGET), null)).toBe(TARGET)
  })
})
