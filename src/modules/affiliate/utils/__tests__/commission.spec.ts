import { asTestCommission, type CampaignCommission, type CommissionRule, priceConversion, type SaleFacts, type SoldItem } from "../commission"
import { commissionRulesIssues, withRuleIds } from "../commission-rules"

const item = (overrides: Partial<SoldItem> = {}): SoldItem => ({
  sku: "SKU-1",
  product_id: null,
  category: [],
  collection: null,
  quantity: 1,
  item_value: "100.00",
  metadata: null,
  ...overrides,
})
const rule = (id: string, match: CommissionRule["match"], commission_value: string): CommissionRule => ({ id, match, commission_value })
const percentage = (value: string, rules: CommissionRule[] = []): CampaignCommission => ({
  commission_type: "percentage",
  commission_value: value,
  currency_code: null,
  commission_rules: rules,
})
const flat = (value: string, currency: string, rules: CommissionRule[] = []): CampaignCommission => ({
  commission_type: "flat",
  commission_value: value,
  currency_code: currency,
  commission_rules: rules,
})
const facts = (overrides: Partial<SaleFacts> = {}): SaleFacts => ({ customer_type: null, monthly_sales: null, ...overrides })
const sale = (items: SoldItem[], order_total = "0", order_currency = "usd") => ({ items, order_total, order_currency })

describe("priceConversion: percentage campaigns", () => {
  // A store paying 5 % on electronics, 0 on gift cards and 15 % for a new customer's apparel.
  const rules = [
    rule("gift", { category: ["gift-cards"] }, "0"),
    rule("new-apparel", { category: ["apparel"], customer_type: "new" }, "15"),
    rule("electronics", { category: ["electronics"] }, "5"),
  ]

  it("prices each item by the first rule that matches it, else the campaign's rate, and sums them", () => {
    const priced = priceConversion(
      percentage("10", rules),
      sale([
        item({ sku: "TV", category: ["electronics", "sale"], item_value: "499.99" }),
        item({ sku: "CARD", category: ["gift-cards"], item_value: "50.00" }),
        item({ sku: "SHIRT", category: ["apparel"], item_value: "40.00" }),
        item({ sku: "MUG", item_value: "12.50" }),
      ]),
      facts({ customer_type: "new" })
    )
    expect(priced.items.map((i) => [i.sku, i.commission_rate, i.rule_id, i.commission_amount])).toEqual([
      ["TV", "5", "electronics", "25"], // 24.9995 → 25.00
      ["CARD", "0", "gift", "0"], // a rule of 0 excludes what it matches
      ["SHIRT", "15", "new-apparel", "6"],
      ["MUG", "10", null, "1.25"],
    ])
    expect(priced).toMatchObject({ commission_amount: "32.25", commission_currency: "usd", commission_rate: null, commission_rule_id: null })
  })

  it("lets a rule that all of whose keys match win, and skips one whose customer type does not", () => {
    const priced = priceConversion(percentage("10", rules), sale([item({ category: ["apparel"] })]), facts({ customer_type: "returning" }))
    expect(priced.items[0]).toMatchObject({ rule_id: null, commission_rate: "10", commission_amount: "10" })
  })

  it("matches sku, product and collection lists exactly (case and spaces count)", () => {
    const byKeys = percentage("1", [rule("sku", { sku: ["ABC"] }, "20"), rule("prod", { product_id: ["prod_1"] }, "30"), rule("col", { collection: ["summer"] }, "40")])
    const priced = priceConversion(
      byKeys,
      sale([item({ sku: "ABC" }), item({ sku: "abc" }), item({ sku: "X", product_id: "prod_1" }), item({ sku: "Y", collection: "summer" }), item({ sku: "Z", collection: "Summer" })]),
      facts()
    )
    expect(priced.items.map((i) => i.rule_id)).toEqual(["sku", null, "prod", "col", null])
  })

  it("rounds half-up per item to the currency's minor unit: 0.005, JPY and KWD", () => {
    const half = priceConversion(percentage("50"), sale([item({ item_value: "0.01" }), item({ sku: "2", item_value: "0.01" })]), facts())
    // 0.005 each: 0.01 + 0.01 (per item), not 0.01 once (rounding the sum).
    expect(half.items.map((i) => i.commission_amount)).toEqual(["0.01", "0.01"])
    expect(half.commission_amount).toBe("0.02")
    const yen = priceConversion(percentage("12.5"), sale([item({ item_value: "100" }), item({ sku: "2", item_value: "3" })], "0", "JPY"), facts())
    expect(yen.items.map((i) => i.commission_amount)).toEqual(["13", "0"]) // 12.5 → 13, 0.375 → 0
    expect(yen.commission_currency).toBe("jpy")
    const dinar = priceConversion(percentage("3"), sale([item({ item_value: "0.335" })], "0", "KWD"), facts())
    expect(dinar.commission_amount).toBe("0.01") // 0.01005 → 0.010
  })

  it("prices a conversion without items as one item with no sku, product, category or collection", () => {
    const withRules = percentage("10", [rule("sku", { sku: ["A"] }, "50"), rule("new", { customer_type: "new" }, "20")])
    expect(priceConversion(withRules, sale([], "129.99"), facts({ customer_type: "new" }))).toMatchObject({
      commission_amount: "26", // 25.998
      commission_rate: "20",
      commission_rule_id: "new",
      items: [],
    })
    expect(priceConversion(withRules, sale([], "129.99"), facts())).toMatchObject({ commission_amount: "13", commission_rate: "10", commission_rule_id: null })
  })

  it("raises the rate from a monthly sales tier, compared exactly, and ignores tiers when sales were not read", () => {
    const tiers = percentage("5", [rule("gold", { min_monthly_sales: "10000" }, "12"), rule("silver", { min_monthly_sales: "5000.00" }, "8")])
    const at = (monthly_sales: string | null) => priceConversion(tiers, sale([], "100"), facts({ monthly_sales })).commission_rule_id
    expect([at("4999.99"), at("5000"), at("9999.99"), at("10000.00"), at(null)]).toEqual([null, "silver", "silver", "gold", null])
  })
})

describe("priceConversion: flat campaigns", () => {
  it("pays the first matching rule's amount instead of the campaign's, for the whole conversion, in its currency", () => {
    const campaign = flat("5", "EUR", [rule("tier", { min_monthly_sales: "1000" }, "9"), rule("new", { customer_type: "new" }, "7.5")])
    const priced = priceConversion(campaign, sale([item()], "100", "usd"), facts({ customer_type: "new" }))
    expect(priced).toMatchObject({ commission_type: "flat", commission_amount: "7.5", commission_currency: "eur", commission_rate: "7.5", commission_rule_id: "new" })
    expect(priced.items[0]).toMatchObject({ commission_amount: null, commission_rate: null, rule_id: null })
    expect(priceConversion(campaign, sale([], "100"), facts({ monthly_sales: "1000" })).commission_amount).toBe("9")
    expect(priceConversion(campaign, sale([], "100"), facts()).commission_amount).toBe("5")
    expect(priceConversion(flat("100", "JPY"), sale([], "1"), facts()).commission_amount).toBe("100")
  })
})

describe("asTestCommission", () => {
  it("earns nothing and keeps the rates the items would have earned", () => {
    const priced = asTestCommission(priceConversion(percentage("10"), sale([item()]), facts()))
    expect(priced).toMatchObject({ commission_amount: "0", items: [{ commission_amount: "0", commission_rate: "10" }] })
  })
})

describe("commission rules as a campaign takes them", () => {
  it("checks each rule's value against the campaign's commission type and names the field", () => {
    expect(commissionRulesIssues([{ match: {}, commission_value: "101" }], { commission_type: "percentage" })).toEqual([
      { path: ["commission_rules", 0, "commission_value"], message: "commission_rules[0].commission_value must be at most 100 for a percentage commission" },
    ])
    expect(commissionRulesIssues([{ match: {}, commission_value: "1.234" }], { commission_type: "flat", currency_code: "usd" })[0].message).toMatch(
      /commission_rules\[0\]\.commission_value has 3 decimals but USD has 2/
    )
  })

  it("refuses item keys on a flat or lead campaign's rules, and a malformed tier", () => {
    const issues = commissionRulesIssues(
      [{ match: { customer_type: "new" }, commission_value: "5" }, { match: { sku: ["A"], min_monthly_sales: "-1" }, commission_value: "5" }],
      { commission_type: "flat", currency_code: "usd", tool_type: "lead" }
    )
    expect(issues.map((i) => i.path.join("."))).toEqual(["commission_rules.1.match.sku", "commission_rules.1.match.min_monthly_sales"])
    expect(issues[0].message).toMatch(/may match only customer_type and min_monthly_sales/)
  })

  it("keeps the id of a rule the campaign has and gives every other rule a new one", () => {
    const existing = [rule("acrl_keep", {}, "5")]
    const [kept, fresh, forged] = withRuleIds(
      [
        { id: "acrl_keep", match: { sku: ["A"] }, commission_value: "7.50" },
        { match: {}, commission_value: 3 as unknown as string },
        { id: "acrl_someone_elses", match: {}, commission_value: "1" },
      ],
      existing
    )
    expect(kept).toEqual({ id: "acrl_keep", match: { sku: ["A"] }, commission_value: "7.5" })
    expect(fresh.id).toMatch(/^acrl_/)
    expect(fresh.commission_value).toBe("3")
    expect(forged.id).not.toBe("acrl_someone_elses")
  })
})
