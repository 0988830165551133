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
