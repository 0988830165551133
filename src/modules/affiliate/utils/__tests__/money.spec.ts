import { amountProblem, computeCommission, currencyDecimals, isKnownCurrency } from "../money"

describe("currencyDecimals", () => {
  it.each([
    ["JPY", 0],
    ["usd", 2],
    ["EUR", 2],
    ["KWD", 3],
    ["XYZ", undefined],
  ])("%s has %p decimals", (code, digits) => {
    expect(currencyDecimals(code)).toBe(digits)
    expect(isKnownCurrency(code)).toBe(digits !== undefined)
  })
})

describe("amountProblem", () => {
  it.each([
    ["0", "usd"],
    ["0.00", "usd"],
    ["129.90", "USD"],
    ["1000", "usd"],
    ["100", "JPY"],
    ["1.234", "KWD"],
  ])("accepts %s %s", (amount, currency) => {
    expect(amountProblem(amount, currency)).toBeNull()
  })

  it.each(["-1", "12,50", "1e3", "01.5", ".5", "10.", "+1", " 1", "1 ", "", "NaN", "0x10"])(
    "rejects %p as not a plain decimal",
    (amount) => {
      expect(amountProblem(amount, "usd")).toMatch(/decimal/)
    }
  )

  it.each([
    ["100.5", "JPY", "has 1 decimals but JPY has 0"],
    ["1.2345", "kwd", "has 4 decimals but KWD has 3"],
    ["1.999", "usd", "has 3 decimals but USD has 2"],
  ])("rejects %s %s for having more decimals than the currency", (amount, currency, message) => {
    expect(amountProblem(amount, currency)).toBe(message)
  })
})

const pct = (value: string | number) => ({ commission_type: "percentage" as const, commission_value: value })

describe("computeCommission", () => {
  it.each([
    [10, "129.99", "USD", "13"], // 12.999 → 13.00
    ["12.5", "100", "JPY", "13"], // 12.5 → 13: half-up, not half-even, and JPY has no decimals
    [3, "0.335", "KWD", "0.01"], // 0.01005 → 0.010
    [50, "0.335", "KWD", "0.168"], // 0.1675 → 0.168
    [50, "0.05", "usd", "0.03"], // 0.025 → 0.03 (half-even would give 0.02)
    [50, "1", "JPY", "1"], // 0.5 → 1
    [10, "0.30", "usd", "0.03"], // in floats 0.30 * 0.1 is 0.030000000000000002
    [15, "0.70", "usd", "0.11"], // 0.105 → 0.11; in floats (0.7 * 0.15).toFixed(2) is "0.10"
    ["0.1", "10.10", "usd", "0.01"],
    [0, "250", "usd", "0"],
  ])("%s%% of %s %s is %s", (value, total, currency, expected) => {
    const result = computeCommission(pct(value), total, currency)
    expect(result).toEqual({ amount: expected, currency: currency.toLowerCase() })
    expect(typeof result.amount).toBe("string")
  })

  it("pays a percentage in the order's currency, lower-cased", () => {
    expect(computeCommission(pct(10), "100", "EUR").currency).toBe("eur")
  })

  it("pays a flat amount in the campaign's currency, lower-cased, whatever the order total", () => {
    const rule = { commission_type: "flat" as const, commission_value: "5.00", currency_code: "EUR" }
    expect(computeCommission(rule, "1000", "USD")).toEqual({ amount: "5", currency: "eur" })
    expect(computeCommission(rule, "0", "USD")).toEqual({ amount: "5", currency: "eur" })
  })

  it("rounds a flat amount half-up to its currency's minor unit", () => {
    expect(computeCommission({ commission_type: "flat", commission_value: "5.005", currency_code: "usd" }, "1", "USD").amount).toBe("5.01")
    expect(computeCommission({ commission_type: "flat", commission_value: "100.5", currency_code: "jpy" }, "1", "USD").amount).toBe("101")
  })

  it("falls back to the order's currency for a flat amount without a campaign currency", () => {
    const rule = { commission_type: "flat" as const, commission_value: 7, currency_code: null }
    expect(computeCommission(rule, "10", "GBP")).toEqual({ amount: "7", currency: "gbp" })
  })
})
