import { findUnstorableText, hasUnstorableText, printableName, stripUnstorableText } from "../unstorable-text"

describe("text PostgreSQL cannot store", () => {
  it("is a NUL or an unpaired UTF-16 surrogate, never a paired one or ordinary text", () => {
    for (const bad of ["a\u0000b", "\ud800", "x\udc00", "\udc00\ud800", "ok\ud83d"]) expect(hasUnstorableText(bad)).toBe(true)
    for (const good of ["", "plain", "café", "emoji \ud83d\ude00", "tab\tnew\nline", "\u00ff\u2028"]) expect(hasUnstorableText(good)).toBe(false)
  })

  it("finds the first field that holds it, keys included, by a printable path", () => {
    expect(findUnstorableText({ order_id: "1", click_token: "a\u0000" })).toBe("click_token")
    expect(findUnstorableText({ metadata: { ok: "x", k: "\ud800" } })).toBe("metadata.k")
    expect(findUnstorableText({ metadata: { "k\u0000y": "v" } })).toBe("metadata.k\\u0000y")
    expect(findUnstorableText({ list: ["a", { deep: "\udfff" }] })).toBe("list.1.deep")
    expect(findUnstorableText("\u0000")).toBe("body")
    expect(findUnstorableText({ a: 1, b: null, c: true, d: "fine \ud83d\ude00" })).toBeNull()
  })

  it("is dropped, not replaced, for the affiliate link", () => {
    expect(stripUnstorableText("sp\u0000ring\ud800 \ud83d\ude00")).toBe("spring \ud83d\ude00")
  })

  it("is written as \\uXXXX in names shown and logged", () => {
    expect(printableName("a\u0000b\udc00")).toBe("a\\u0000b\\udc00")
    expect(hasUnstorableText(printableName("a\u0000b\udc00"))).toBe(false)
  })
})
