import { DEFAULT_FRAUD_RULES, detectSignals, fraudRules, isPublicMailDomain, mailDomain, type ConversionFacts } from "../fraud-signals"

const clicked = new Date("2026-05-01T10:00:00.000Z")
const later = (seconds: number) => new Date(clicked.getTime() + seconds * 1000)

/** A conversion that raises nothing: an hour after its click, no email, no IP, no code. */
const facts = (over: Partial<ConversionFacts> = {}): ConversionFacts => ({
  order_email: null,
  affiliate_email: "ada@partner-shop.io",
  clicked_at: clicked,
  occurred_at: later(3600),
  known_ip: null,
  ip_conversions_last_hour: null,
  coupon: null,
  paid_search_parameter: null,
  ...over,
})
const codes = (f: ConversionFacts, rules = DEFAULT_FRAUD_RULES, trusted: string[] = []) => detectSignals(f, rules, trusted).map((s) => s.code)

describe("fraudRules", () => {
  it("fills what a campaign leaves out with the contract's defaults", () => {
    expect(fraudRules(undefined)).toEqual({ fast_conversion_seconds: 10, ip_velocity_per_hour: 10, forbid_paid_search: false, leaked_code_share: 0.5, disabled: [] })
    expect(fraudRules({ forbid_paid_search: true, disabled: ["fast_conversion", "nonsense"] })).toEqual({
      ...DEFAULT_FRAUD_RULES,
      forbid_paid_search: true,
      disabled: ["fast_conversion"],
    })
    expect(fraudRules({ fast_conversion_seconds: -1, ip_velocity_per_hour: "3" }).fast_conversion_seconds).toBe(10)
  })
})

describe("mail domains", () => {
  it("reads the domain of an address, lower case", () => {
    expect(mailDomain("Ada@Partner-Shop.IO")).toBe("partner-shop.io")
    expect(mailDomain("no-at-sign")).toBeNull()
    expect(mailDomain("@nolocal.com")).toBeNull()
    expect(mailDomain(null)).toBeNull()
  })
  it("knows public and disposable mail domains from the maintained lists", () => {
    for (const domain of ["gmail.com", "outlook.com", "yahoo.com", "web.de", "mailinator.com"]) expect(isPublicMailDomain(domain)).toBe(true)
    expect(isPublicMailDomain("partner-shop.io")).toBe(false)
  })
})

describe("detectSignals", () => {
  it("raises nothing for an ordinary conversion", () => {
    expect(detectSignals(facts({ order_email: "sam@gmail.com", ip_conversions_last_hour: 1 }), DEFAULT_FRAUD_RULES)).toEqual([])
  })

  it("never puts the shopper's address or mail domain in a signal", () => {
    const raised = detectSignals(facts({ order_email: "bob@partner-shop.io" }), DEFAULT_FRAUD_RULES).concat(
      detectSignals(facts({ order_email: "bob@mailinator.com" }), DEFAULT_FRAUD_RULES)
    )
    expect(raised).toHaveLength(2)
    expect(JSON.stringify(raised)).not.toMatch(/bob|partner-shop|mailinator\.com/)
  })

  it("self_referral_email: the affiliate's own address, or an address at their own (non-public) domain", () => {
    const [own] = detectSignals(facts({ order_email: " ADA@partner-shop.io" }), DEFAULT_FRAUD_RULES)
    expect(own).toEqual({ code: "self_referral_email", reason: "The order was placed with the affiliate's own email address", evidence: { match: "email" } })
    const [domain] = detectSignals(facts({ order_email: "bob@partner-shop.io" }), DEFAULT_FRAUD_RULES)
    expect(domain).toEqual({ code: "self_referral_email", reason: "The order's email is at the affiliate's own mail domain", evidence: { match: "domain" } })
    expect(codes(facts({ affiliate_email: "ada@gmail.com", order_email: "someone@gmail.com" }))).toEqual([])
    expect(codes(facts({ order_email: "bob@other-shop.io" }))).toEqual([])
  })

  it("self_referral_ip: the affiliate was seen at the conversion's IP hash", () => {
    const [signal] = detectSignals(facts({ known_ip: "portal_login" }), DEFAULT_FRAUD_RULES)
    expect(signal).toEqual({
      code: "self_referral_ip",
      reason: "The conversion came from an IP address the affiliate logged into the partner portal from",
      evidence: { seen: "portal_login" },
    })
    expect(detectSignals(facts({ known_ip: "application" }), DEFAULT_FRAUD_RULES)[0].reason).toContain("applied from")
  })

  it("fast_conversion: at or under the campaign's seconds after the click; never for a conversion without a click", () => {
    expect(detectSignals(facts({ occurred_at: later(3) }), DEFAULT_FRAUD_RULES)[0]).toMatchObject({ code: "fast_conversion", evidence: { seconds: 3, threshold: 10 } })
    expect(codes(facts({ occurred_at: later(10) }))).toEqual(["fast_conversion"])
    expect(codes(facts({ occurred_at: later(11) }))).toEqual([])
    expect(codes(facts({ occurred_at: later(3) }), { ...DEFAULT_FRAUD_RULES, fast_conversion_seconds: 2 })).toEqual([])
    expect(codes(facts({ clicked_at: null, occurred_at: later(0) }))).toEqual([])
  })

  it("ip_velocity: more conversions from one IP hash within the hour than the campaign allows", () => {
    expect(codes(facts({ ip_conversions_last_hour: 10 }))).toEqual([])
    expect(detectSignals(facts({ ip_conversions_last_hour: 11 }), DEFAULT_FRAUD_RULES)[0]).toMatchObject({
      code: "ip_velocity",
      evidence: { conversions_last_hour: 11, threshold: 10 },
    })
    expect(codes(facts({ ip_conversions_last_hour: 3 }), { ...DEFAULT_FRAUD_RULES, ip_velocity_per_hour: 2 })).toEqual(["ip_velocity"])
  })

  it("disposable_email: an order email at a disposable mail service", () => {
    expect(detectSignals(facts({ order_email: "x@mailinator.com" }), DEFAULT_FRAUD_RULES)).toEqual([
      { code: "disposable_email", reason: "The order's email is at a disposable mail service", evidence: { list: "disposable-email-domains" } },
    ])
    expect(codes(facts({ order_email: "x@gmail.com" }))).toEqual([])
  })

  it("leaked_code: a coupon conversion without a click from the affiliate, once such orders pass the campaign's share of the code's", () => {
    const coupon = (conversions: number, without_click: number, this_without_click = true) => ({ code: "ANNA10", conversions, without_click, this_without_click })
    const [leaked] = detectSignals(facts({ clicked_at: null, coupon: coupon(4, 3) }), DEFAULT_FRAUD_RULES)
    expect(leaked).toMatchObject({ code: "leaked_code", evidence: { code: "ANNA10", without_click: 3, conversions: 4, share: 0.75, threshold: 0.5 } })
    expect(codes(facts({ clicked_at: null, coupon: coupon(4, 2) }))).toEqual([])
    // An order that did come through the affiliate's link is never the leak.
    expect(codes(facts({ clicked_at: null, coupon: coupon(4, 3, false) }))).toEqual([])
    expect(codes(facts({ clicked_at: null, coupon: coupon(4, 3) }), { ...DEFAULT_FRAUD_RULES, leaked_code_share: 0.8 })).toEqual([])
  })

  it("paid_search: a paid-search click id on the click, only when the campaign forbids paid search", () => {
    expect(codes(facts({ paid_search_parameter: "gclid" }))).toEqual([])
    expect(detectSignals(facts({ paid_search_parameter: "msclkid" }), { ...DEFAULT_FRAUD_RULES, forbid_paid_search: true })).toEqual([
      { code: "paid_search", reason: "The click came from a paid search ad (msclkid), which this campaign forbids", evidence: { parameter: "msclkid" } },
    ])
  })

  it("leaves out the signals the campaign disables and those the affiliate is trusted for", () => {
    const noisy = facts({ order_email: "x@mailinator.com", occurred_at: later(1), known_ip: "application" })
    expect(codes(noisy)).toEqual(["self_referral_ip", "fast_conversion", "disposable_email"])
    expect(codes(noisy, { ...DEFAULT_FRAUD_RULES, disabled: ["fast_conversion"] })).toEqual(["self_referral_ip", "disposable_email"])
    expect(codes(noisy, DEFAULT_FRAUD_RULES, ["self_referral_ip", "disposable_email"])).toEqual(["fast_conversion"])
  })
})
