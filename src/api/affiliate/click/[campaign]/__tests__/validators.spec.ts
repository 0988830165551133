import { AffiliateLinkQuery } from "../validators"

const read = (query: Record<string, unknown>) => AffiliateLinkQuery.safeParse(query)

describe("the affiliate link's query", () => {
  it("refuses only a missing, empty or non-text aff", () => {
    for (const query of [{}, { aff: "" }, { aff: ["a", "b"] }, { aff: { x: "1" } }]) {
      expect(read(query).success).toBe(false)
    }
    expect(read({ aff: "partner-1" }).data).toEqual({ aff: "partner-1", sub1: null, sub2: null, sub3: null, sub4: null, sub5: null, url: null })
  })

  it("cuts long values instead of refusing them: a shopper never sees an error for them", () => {
    const data = read({ aff: "a".repeat(300), sub1: "s".repeat(300), url: `https://shop.example.com/${"p".repeat(3000)}` }).data!
    expect(data.aff).toHaveLength(255)
    expect(data.sub1).toHaveLength(255)
    expect(data.url).toHaveLength(2048)
  })

  it("ignores empty, repeated or nested sub and url values", () => {
    const data = read({ aff: "p", sub1: "", sub2: ["a", "b"], sub3: { x: "1" }, sub4: "kept", url: ["https://a.example"] }).data!
    expect(data).toMatchObject({ sub1: null, sub2: null, sub3: null, sub4: "kept", sub5: null, url: null })
  })

  it("keeps text exactly as sent, untrimmed", () => {
    expect(read({ aff: " p ", sub1: " a b " }).data).toMatchObject({ aff: " p ", sub1: " a b " })
  })
})

describe("characters PostgreSQL cannot store, on the affiliate link", () => {
  it("are dropped from sub1-sub5, url and aff, never refused: the shopper still gets redirected", () => {
    const data = read({ aff: "part\u0000ner", sub1: "a\u0000b", sub2: "\ud800x", sub3: "\u0000", url: "https://shop.example.com/\udfffp" }).data!
    expect(data).toMatchObject({ aff: "partner", sub1: "ab", sub2: "x", sub3: null, url: "https://shop.example.com/p" })
  })

  it("leave an aff of nothing else as missing (400)", () => {
    expect(read({ aff: "\u0000\ud800" }).success).toBe(false)
  })
})
