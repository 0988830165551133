import { ConversionFacts, CouponFacts, decideConversion, decideOrderCredits, FUTURE_SKEW_MS, OrderFacts } from "../conversion-decision"

const PLACED_AT = "2025-03-10T12:00:00.000Z"

/** Facts that earn a conversion; each test breaks exactly what it is about. */
function goodFacts(overrides: Partial<ConversionFacts> = {}): ConversionFacts {
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
    occurred_at: PLACED_AT,
    ...overrides,
  }
}

describe("decideConversion (the store path and the S2S endpoint)", () => {
  it("records when consent is granted, the click is known and inside its window, and campaign and affiliate are active", () => {
    expect(decideConversion(goodFacts())).toEqual({ record: true })
  })

  describe("skip reasons", () => {
    it("no attribution on the cart → no_attribution", () => {
      expect(decideConversion(goodFacts({ attribution: null }))).toEqual({ record: false, reason: "no_attribution" })
    })

    it("consent denied → consent_not_granted", () => {
      const facts = goodFacts({ attribution: { consent: "denied", click_token: "AbC123xyzTOKEN" } })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "consent_not_granted" })
    })

    it("consent never given (null) counts as not granted → consent_not_granted", () => {
      const facts = goodFacts({ attribution: { consent: null, click_token: "AbC123xyzTOKEN" } })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "consent_not_granted" })
    })

    it.each([null, ""])("consent granted but click token %p → no_click_token", (token) => {
      const facts = goodFacts({ attribution: { consent: "granted", click_token: token } })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "no_click_token" })
    })

    it.each(["click", "campaign", "affiliate"] as const)("token whose %s cannot be found → unknown_click", (missing) => {
      expect(decideConversion(goodFacts({ [missing]: null }))).toEqual({ record: false, reason: "unknown_click" })
    })

    it("order placed after the click expired → click_expired", () => {
      const facts = goodFacts({ occurred_at: "2025-03-31T12:00:00.001Z" })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "click_expired" })
    })

    it("order placed exactly at expires_at is still inside the window", () => {
      const facts = goodFacts({ occurred_at: "2025-03-31T12:00:00.000Z" })
      expect(decideConversion(facts)).toEqual({ record: true })
    })

    it("compares instants, not text: Date objects and ISO strings with other offsets mix", () => {
      const click = { ...goodFacts().click!, expires_at: new Date("2025-03-31T12:00:00.000Z") }
      // 13:00 at +01:00 is the same instant as the expiry: still inside.
      expect(decideConversion(goodFacts({ click, occurred_at: "2025-03-31T13:00:00+01:00" }))).toEqual({ record: true })
      // one second after the expiry.
      expect(decideConversion(goodFacts({ click, occurred_at: new Date("2025-03-31T12:00:01Z") }))).toEqual({
        record: false,
        reason: "click_expired",
      })
    })

    it.each([
      ["paused", "campaign_paused"],
      ["archived", "campaign_archived"],
    ] as const)("campaign %s → %s", (status, reason) => {
      expect(decideConversion(goodFacts({ campaign: { status } }))).toEqual({ record: false, reason })
    })

    it("affiliate paused → affiliate_paused", () => {
      expect(decideConversion(goodFacts({ affiliate: { status: "paused" } }))).toEqual({
        record: false,
        reason: "affiliate_paused",
      })
    })

    it("a first-order-only campaign whose click already converted another order → click_already_converted", () => {
      const first = { status: "active" as const, orders_per_click: "first" as const }
      expect(decideConversion(goodFacts({ campaign: first, click_converted: true }))).toEqual({
        record: false,
        reason: "click_already_converted",
      })
      expect(decideConversion(goodFacts({ campaign: first, click_converted: false }))).toEqual({ record: true })
    })

    it("a campaign crediting every order (the default) records a click that converted before", () => {
      expect(decideConversion(goodFacts({ click_converted: true }))).toEqual({ record: true })
      const every = { status: "active" as const, orders_per_click: "every" as const }
      expect(decideConversion(goodFacts({ campaign: every, click_converted: true }))).toEqual({ record: true })
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
      const facts: ConversionFacts = {
        attribution: null,
        click: null,
        campaign: { status: "archived" },
        affiliate: { status: "paused" },
        occurred_at: PLACED_AT,
      }
      expect(decideConversion(facts)).toEqual({ record: false, reason: "no_attribution" })
    })

    it("missing consent beats a missing token and an unknown click", () => {
      const facts = goodFacts({ attribution: { consent: null, click_token: null }, click: null })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "consent_not_granted" })
    })

    it("a missing token beats an unknown click", () => {
      const facts = goodFacts({ attribution: { consent: "granted", click_token: null }, click: null })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "no_click_token" })
    })

    it("an unknown click beats a paused campaign or affiliate", () => {
      const facts = goodFacts({ click: null, campaign: { status: "paused" }, affiliate: { status: "paused" } })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "unknown_click" })
    })

    it("an expired click beats a paused/archived campaign and a paused affiliate", () => {
      const facts = goodFacts({ click: expiredClick, campaign: { status: "archived" }, affiliate: { status: "paused" } })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "click_expired" })
    })

    it("a paused campaign beats a paused affiliate", () => {
      const facts = goodFacts({ campaign: { status: "paused" }, affiliate: { status: "paused" } })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "campaign_paused" })
    })
  })

  describe("what the S2S endpoint adds: the key's campaign and the reported time", () => {
    const NOW = new Date("2025-03-10T12:00:00.000Z")

    it("records a token of the key's own campaign", () => {
      expect(decideConversion(goodFacts({ campaign_id: "camp_1", now: NOW }))).toEqual({ record: true })
    })

    it("a token of another campaign → unknown_click, as if it did not exist", () => {
      expect(decideConversion(goodFacts({ campaign_id: "camp_2", now: NOW }))).toEqual({ record: false, reason: "unknown_click" })
    })

    it("a sale reported beyond the clock skew allowance → occurred_in_future; within it is fine", () => {
      const late = new Date(NOW.getTime() + FUTURE_SKEW_MS + 1)
      expect(decideConversion(goodFacts({ occurred_at: late, now: NOW }))).toEqual({ record: false, reason: "occurred_in_future" })
      const withinSkew = new Date(NOW.getTime() + FUTURE_SKEW_MS)
      expect(decideConversion(goodFacts({ occurred_at: withinSkew, now: NOW }))).toEqual({ record: true })
    })

    it("a sale before its click → occurred_before_click", () => {
      const facts = goodFacts({ occurred_at: "2025-03-01T11:59:59.999Z", now: NOW })
      expect(decideConversion(facts)).toEqual({ record: false, reason: "occurred_before_click" })
    })

    it("without `now` (the store path: the order's own time) nothing is in the future", () => {
      expect(decideConversion(goodFacts({ occurred_at: "2025-03-20T12:00:00.000Z" }))).toEqual({ record: true })
    })

    it("precedence: consent → token → click → time → window → campaign → affiliate → repeat order", () => {
      const everythingWrong = goodFacts({
        attribution: { consent: "denied", click_token: null },
        campaign_id: "camp_2",
        occurred_at: "2026-01-01T00:00:00Z",
        campaign: { status: "paused" },
        affiliate: { status: "paused" },
        now: NOW,
      })
      const fixes: [Partial<ConversionFacts>, string][] = [
        [{ attribution: { consent: "granted", click_token: null } }, "no_click_token"],
        [{ attribution: { consent: "granted", click_token: "AbC123xyzTOKEN" } }, "unknown_click"],
        [{ campaign_id: "camp_1" }, "occurred_in_future"],
        [{ occurred_at: "2025-02-01T00:00:00Z" }, "occurred_before_click"],
        [{ occurred_at: "2025-04-01T00:00:00Z", now: new Date("2025-04-01T00:00:00Z") }, "click_expired"],
        [{ occurred_at: PLACED_AT, now: NOW }, "campaign_paused"],
        [{ campaign: { status: "active", orders_per_click: "first" }, click_converted: true }, "affiliate_paused"],
        [{ affiliate: { status: "active" } }, "click_already_converted"],
      ]
      let facts = everythingWrong
      expect(decideConversion(facts)).toEqual({ record: false, reason: "consent_not_granted" })
      for (const [fix, reason] of fixes) {
        facts = { ...facts, ...fix }
        expect(decideConversion(facts)).toEqual({ record: false, reason })
      }
      expect(decideConversion({ ...facts, click_converted: false })).toEqual({ record: true })
    })
  })
})

describe("decideOrderCredits (a Medusa order: the click and the affiliates' promotion codes)", () => {
  const coupon = (overrides: Partial<CouponFacts> = {}): CouponFacts => ({
    code: "ANNA10",
    campaign_id: "camp_1",
    affiliate_id: "aff_2",
    campaign: { status: "active", attribution_precedence: "coupon" },
    affiliate: { status: "active" },
    ...overrides,
  })
  const order = (facts: Partial<OrderFacts> = {}): OrderFacts => ({ ...goodFacts(), coupons: [], ...facts })

  it("a click-only order credits the click, as before", () => {
    expect(decideOrderCredits(order())).toEqual([{ record: true, via: "click", campaign_id: "camp_1", reason: "recorded" }])
  })

  it("a coupon-only order credits the code's affiliate, without consent or attribution", () => {
    const credits = decideOrderCredits(order({ attribution: null, click: null, campaign: null, affiliate: null, coupons: [coupon()] }))
    expect(credits).toEqual([{ record: true, via: "coupon", campaign_id: "camp_1", reason: "coupon", coupon: coupon() }])
  })

  it("a coupon credits even when the click's consent was denied, and the click's skip is not logged for that campaign", () => {
    const credits = decideOrderCredits(order({ attribution: { consent: "denied", click_token: "AbC123xyzTOKEN" }, coupons: [coupon()] }))
    expect(credits).toEqual([{ record: true, via: "coupon", campaign_id: "camp_1", reason: "coupon", coupon: coupon() }])
  })

  it("both in one campaign with precedence coupon (the default): the code wins, and the reason says so", () => {
    expect(decideOrderCredits(order({ coupons: [coupon()] }))).toEqual([
      { record: true, via: "coupon", campaign_id: "camp_1", reason: "coupon_over_click", coupon: coupon() },
    ])
  })

  it("both in one campaign with precedence click: the click wins, and the reason says so", () => {
    const byClick = coupon({ campaign: { status: "active", attribution_precedence: "click" } })
    expect(decideOrderCredits(order({ coupons: [byClick] }))).toEqual([
      { record: true, via: "click", campaign_id: "camp_1", reason: "click_over_coupon" },
    ])
  })

  it("precedence click but the click is expired: the code is credited", () => {
    const byClick = coupon({ campaign: { status: "active", attribution_precedence: "click" } })
    const credits = decideOrderCredits(order({ occurred_at: "2025-04-30T00:00:00.000Z", coupons: [byClick] }))
    expect(credits).toEqual([{ record: true, via: "coupon", campaign_id: "camp_1", reason: "coupon", coupon: byClick }])
  })

  it("never credits two affiliates in one campaign: of two codes, the first by code wins and the other is logged", () => {
    const second = coupon({ code: "ZED5", affiliate_id: "aff_3" })
    const credits = decideOrderCredits(order({ attribution: null, click: null, coupons: [second, coupon()] }))
    expect(credits.filter((c) => c.record)).toEqual([{ record: true, via: "coupon", campaign_id: "camp_1", reason: "coupon", coupon: coupon() }])
    expect(credits.filter((c) => !c.record)).toEqual([{ record: false, campaign_id: "camp_1", reason: "another_coupon_credited", code: "ZED5" }])
  })

  it("a click and a code of different campaigns are each credited in their own campaign", () => {
    const other = coupon({ campaign_id: "camp_2" })
    expect(decideOrderCredits(order({ coupons: [other] }))).toEqual([
      { record: true, via: "coupon", campaign_id: "camp_2", reason: "coupon", coupon: other },
      { record: true, via: "click", campaign_id: "camp_1", reason: "recorded" },
    ])
  })

  it.each([
    [{ campaign: { status: "paused" as const, attribution_precedence: "coupon" as const } }, "coupon_campaign_paused"],
    [{ campaign: { status: "archived" as const, attribution_precedence: "coupon" as const } }, "coupon_campaign_archived"],
    [{ affiliate: { status: "paused" as const } }, "coupon_affiliate_paused"],
  ])("a code of a paused partner credits no one and says why (%p); the click still counts", (overrides, reason) => {
    expect(decideOrderCredits(order({ coupons: [coupon(overrides)] }))).toEqual([
      { record: false, campaign_id: "camp_1", reason, code: "ANNA10" },
      { record: true, via: "click", campaign_id: "camp_1", reason: "recorded" },
    ])
  })

  it("neither: the click's reason is logged as before", () => {
    expect(decideOrderCredits(order({ attribution: null }))).toEqual([{ record: false, campaign_id: "camp_1", reason: "no_attribution" }])
    expect(decideOrderCredits(order({ attribution: null, click: null }))).toEqual([{ record: false, campaign_id: null, reason: "no_attribution" }])
  })
})
