import { addOutcome, NO_OUTCOME, validationRequests } from "../bulk-review"
import { emptyRule, fromRuleDrafts, ruleName, toRuleDrafts } from "../commission-rules"
import { errorAt, fieldErrors, hasErrorsUnder } from "../field-errors"

describe("fieldErrors", () => {
  it("reads the plugin's own paths and Medusa's quoted ones, each problem once", () => {
    const errors = fieldErrors(
      "Invalid request: commission_rules[1].commission_value must be at most 100 for a percentage commission; " +
        "commission_rules[0].match.sku: a flat campaign pays per conversion, so its rules may match only customer_type and min_monthly_sales; " +
        "Value for field 'commission_rules, 2, match, category, 0' too small, expected at least: '1'"
    )
    expect(Object.keys(errors)).toEqual(["commission_rules.1.commission_value", "commission_rules.0.match.sku", "commission_rules.2.match.category.0"])
    expect(errorAt(errors, "commission_rules.2.match.category")).toMatch(/too small/)
    expect(errorAt(errors, "commission_rules.1.commission_value")).toMatch(/^commission_rules\[1\]\.commission_value must be at most 100/)
    expect(errorAt(errors, "commission_rules.1.match.sku")).toBeUndefined()
    expect(hasErrorsUnder(errors, "commission_rules")).toBe(true)
    expect(fieldErrors("Invalid request: commission_value must be at most 100 for a percentage commission")).toEqual({
      commission_value: "commission_value must be at most 100 for a percentage commission",
    })
  })

  it("names no field for a message that names none", () => {
    expect(fieldErrors('A campaign with handle "x" already exists: choose another handle')).toEqual({})
  })
})

describe("commission rule drafts", () => {
  it("round-trips rules in order, keeping ids and leaving out the conditions left empty", () => {
    const rules = [
      { id: "acrl_1", name: "Gift cards", match: { category: ["gift-cards"] }, commission_value: "0" },
      { id: "acrl_2", match: { sku: ["A", "B"], customer_type: "new" as const, min_monthly_sales: "5000" }, commission_value: "15" },
    ]
    expect(fromRuleDrafts(toRuleDrafts(rules))).toEqual(rules)
    const typed = { ...emptyRule(), name: "  ", commission_value: " 12.5 ", category: "apparel, , shoes ", collection: " " }
    expect(fromRuleDrafts([typed])).toEqual([{ match: { category: ["apparel", "shoes"] }, commission_value: "12.5" }])
  })

  it("names a rule by its name or its place, the campaign's rate, or a rule removed since", () => {
    const rules = [{ id: "acrl_1", name: "Gift cards", match: {}, commission_value: "0" }, { id: "acrl_2", match: {}, commission_value: "5" }]
    expect(ruleName(rules, "acrl_1")).toBe("Gift cards")
    expect(ruleName(rules, "acrl_2")).toBe("Rule 2")
    expect(ruleName(rules, null)).toBe("Campaign rate")
    expect(ruleName(rules, "acrl_gone")).toBe("A rule since removed")
  })
})

describe("bulk review", () => {
  const row = (campaign_id: string, order_id: string, is_test = false) => ({ campaign_id, order_id, is_test })

  it("sends one call per campaign, by order id, test conversions marked", () => {
    const requests = validationRequests([row("c1", "A"), row("c2", "B", true), row("c1", "C")], { status: "rejected", reason: "Returned" })
    expect(requests).toEqual([
      { campaign_id: "c1", conversions: [{ order_id: "A", status: "rejected", reason: "Returned" }, { order_id: "C", status: "rejected", reason: "Returned" }] },
      { campaign_id: "c2", conversions: [{ order_id: "B", status: "rejected", reason: "Returned", test: true }] },
    ])
    expect(validationRequests([row("c1", "A")], { status: "approved" })[0].conversions[0]).toEqual({ order_id: "A", status: "approved" })
  })

  it("splits a campaign's rows into calls of at most 1,000", () => {
    const rows = Array.from({ length: 2001 }, (_, i) => row("c1", `O-${i}`))
    expect(validationRequests(rows, { status: "approved" }).map((r) => r.conversions.length)).toEqual([1000, 1000, 1])
  })

  it("adds up the calls' counts and lists each failed row with why, including a call refused whole", () => {
    const [first, second] = validationRequests([row("c1", "A"), row("c1", "R"), row("c2", "B")], { status: "approved" })
    let outcome = addOutcome(NO_OUTCOME, first, {
      message: "1 updated, 0 unchanged, 1 failed",
      counts: { updated: 1, unchanged: 0, failed: 1 },
      results: [
        { order_id: "A", result: "updated" },
        { order_id: "R", result: "invalid", message: "The conversion is reversed" },
      ],
      dry_run: false,
    })
    outcome = addOutcome(outcome, second, { error: "Campaign with id: c2 was not found" })
    expect(outcome).toEqual({
      counts: { updated: 1, unchanged: 0, failed: 2 },
      failures: [
        { order_id: "R", message: "The conversion is reversed" },
        { order_id: "B", message: "Campaign with id: c2 was not found" },
      ],
    })
  })
})
