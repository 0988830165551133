import { decideStoreConversion, StoreConversionFacts } from "../store-decision"

const PLACED_AT = "2025-03-10T12:00:00.000Z"

/** Facts that earn a conversion; each test breaks exactly what it is about. */
function goodFacts(overrides: Partial<StoreConversionFacts> = {}): StoreConversionFacts {
  return {
    attribution: { consent: "granted", click_token: "AbC123xyzTOKEN" },
    click: {
      campaign_id: "camp_1",
      affiliate_id: "aff_1",
      created_at: "2025-03-01T12:00:00.000Z",
      expires_at: "2025-03-31T12:00:00.000Z",
    },
    campaign: { status: "active" },
    affiliate: { status: "active" },
    placed_at: PLACED_AT,
    ...overrides,
  }
}

describe("decideStoreConversion", () => {
  it("records when consent is granted, the click is known and inside its window, and campaign and affiliate are active", () => {
    expect(decideStoreConversion(goodFacts())).toEqual({ record: true })
  })

  describe("skip reasons", () => {
    it("no attribution on the cart → no_attribution", () => {
      expect(decideStoreConversion(goodFacts({ attribution: null }))).toEqual({ record: false, reason: "no_attribution" })
    })

    it("consent denied → consent_not_granted", () => {
      const facts = goodFacts({ attribution: { consent: "denied", click_token: "AbC123xyzTOKEN" } })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "consent_not_granted" })
    })

    it("consent never given (null) counts as not granted → consent_not_granted", () => {
      const facts = goodFacts({ attribution: { consent: null, click_token: "AbC123xyzTOKEN" } })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "consent_not_granted" })
    })

    it.each([null, ""])("consent granted but click token %p → no_click_token", (token) => {
      const facts = goodFacts({ attribution: { consent: "granted", click_token: token } })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "no_click_token" })
    })

    it.each(["click", "campaign", "affiliate"] as const)("token whose %s cannot be found → unknown_click", (missing) => {
      expect(decideStoreConversion(goodFacts({ [missing]: null }))).toEqual({ record: false, reason: "unknown_click" })
    })

    it("order placed after the click expired → click_expired", () => {
      const facts = goodFacts({ placed_at: "2025-03-31T12:00:00.001Z" })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "click_expired" })
    })

    it("order placed exactly at expires_at is still inside the window", () => {
      const facts = goodFacts({ placed_at: "2025-03-31T12:00:00.000Z" })
      expect(decideStoreConversion(facts)).toEqual({ record: true })
    })

    it("compares instants, not text: Date objects and ISO strings with other offsets mix", () => {
      const click = { ...goodFacts().click!, expires_at: new Date("2025-03-31T12:00:00.000Z") }
      // 13:00 at +01:00 is the same instant as the expiry: still inside.
      expect(decideStoreConversion(goodFacts({ click, placed_at: "2025-03-31T13:00:00+01:00" }))).toEqual({ record: true })
      // one second after the expiry.
      expect(decideStoreConversion(goodFacts({ click, placed_at: new Date("2025-03-31T12:00:01Z") }))).toEqual({
        record: false,
        reason: "click_expired",
      })
    })

    it.each([
      ["paused", "campaign_paused"],
      ["archived", "campaign_archived"],
    ] as const)("campaign %s → %s", (status, reason) => {
      expect(decideStoreConversion(goodFacts({ campaign: { status } }))).toEqual({ record: false, reason })
    })

    it("affiliate paused → affiliate_paused", () => {
      expect(decideStoreConversion(goodFacts({ affiliate: { status: "paused" } }))).toEqual({
        record: false,
        reason: "affiliate_paused",
      })
    })
  })

  describe("precedence: the first failing check is the reason given", () => {
    // Everything wrong at once, then fixed one check at a time in the documented order.
    const expiredClick = {
      campaign_id: "camp_1",
      affiliate_id: "aff_1",
      created_at: "2025-01-01T00:00:00Z",
      expires_at: "2025-01-31T00:00:00Z",
    }

    it("no attribution beats everything else", () => {
      const facts: StoreConversionFacts = {
        attribution: null,
        click: null,
        campaign: { status: "archived" },
        affiliate: { status: "paused" },
        placed_at: PLACED_AT,
      }
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "no_attribution" })
    })

    it("missing consent beats a missing token and an unknown click", () => {
      const facts = goodFacts({ attribution: { consent: null, click_token: null }, click: null })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "consent_not_granted" })
    })

    it("a missing token beats an unknown click", () => {
      const facts = goodFacts({ attribution: { consent: "granted", click_token: null }, click: null })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "no_click_token" })
    })

    it("an unknown click beats a paused campaign or affiliate", () => {
      const facts = goodFacts({ click: null, campaign: { status: "paused" }, affiliate: { status: "paused" } })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "unknown_click" })
    })

    it("an expired click beats a paused/archived campaign and a paused affiliate", () => {
      const facts = goodFacts({ click: expiredClick, campaign: { status: "archived" }, affiliate: { status: "paused" } })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "click_expired" })
    })

    it("a paused campaign beats a paused affiliate", () => {
      const facts = goodFacts({ campaign: { status: "paused" }, affiliate: { status: "paused" } })
      expect(decideStoreConversion(facts)).toEqual({ record: false, reason: "campaign_paused" })
    })
  })
})
