import { reviseCommission, RevisionInput } from "../revise-commission"

function input(overrides: Partial<RevisionInput> = {}): RevisionInput {
  return {
    order_total: "129.99",
    commission_amount: "13",
    commission_currency: "usd",
    commission_type: "percentage",
    refunded_total: "0",
    canceled: false,
    ...overrides,
  }
}

describe("reviseCommission", () => {
  describe("cancel", () => {
    it("reverses the commission to 0 with a reason, even with nothing refunded", () => {
      const result = reviseCommission(input({ canceled: true }))
      expect(result.reversed).toBe(true)
      expect(result.commission_amount).toBe("0")
      expect(result.reason).toMatch(/cancel/i)
    })

    it("reverses a flat commission too, and after a partial refund", () => {
      const result = reviseCommission(input({ canceled: true, commission_type: "flat", commission_amount: "5", refunded_total: "10" }))
      expect(result).toMatchObject({ reversed: true, commission_amount: "0", refunded_total: "10" })
      expect(result.reason).toMatch(/cancel/i)
    })
  })

  describe("full refund", () => {
    it.each(["percentage", "flat"] as const)("reverses a %s commission to 0 with a reason", (commission_type) => {
      const result = reviseCommission(input({ commission_type, refunded_total: "129.99" }))
      expect(result.reversed).toBe(true)
      expect(result.commission_amount).toBe("0")
      expect(result.refunded_total).toBe("129.99")
      expect(result.reason).toMatch(/refund/i)
    })

    it("caps a refund larger than the order total at the order total and reverses", () => {
      const result = reviseCommission(input({ refunded_total: "200" }))
      expect(result).toMatchObject({ reversed: true, commission_amount: "0", refunded_total: "129.99" })
    })
  })

  describe("partial refund of a percentage commission", () => {
    it("recomputes on what remains, rounded to cents: 13 on 129.99 with 100 refunded → 3", () => {
      // 13 × 29.99 / 129.99 = 2.99923… → 3.00
      const result = reviseCommission(input({ refunded_total: "100" }))
      expect(result.commission_amount).toBe("3")
      expect(result.refunded_total).toBe("100")
      expect(result.reversed).toBe(false)
      expect(result.reason).toMatch(/refund/i)
    })

    it("rounds half up, not half to even: 0.25 on 100 with 50 refunded → 0.13", () => {
      // exactly 0.125
      expect(reviseCommission(input({ order_total: "100", commission_amount: "0.25", refunded_total: "50" })).commission_amount).toBe("0.13")
    })

    it("uses decimal arithmetic where floats go wrong: 2.01 on 100 with 50 refunded → 1.01", () => {
      // exactly 1.005; in floats 2.01 * 50 / 100 is 1.00499… and (…).toFixed(2) gives "1.00"
      expect(reviseCommission(input({ order_total: "100", commission_amount: "2.01", refunded_total: "50" })).commission_amount).toBe("1.01")
    })

    it("keeps the refunded total exact: 0.3 order, 0.1 refunded", () => {
      // in floats 0.3 - 0.1 is 0.19999999999999998
      const result = reviseCommission(input({ order_total: "0.3", commission_amount: "0.03", refunded_total: "0.1" }))
      expect(result.refunded_total).toBe("0.1")
      expect(result.commission_amount).toBe("0.02")
    })

    it("rounds to whole yen for JPY (0 decimals), half up", () => {
      // 15 × 100 / 1000 = 1.5 → 2
      expect(
        reviseCommission(input({ order_total: "1000", commission_amount: "15", commission_currency: "jpy", refunded_total: "900" })).commission_amount
      ).toBe("2")
      // 130 × 333 / 1000 = 43.29 → 43
      expect(
        reviseCommission(input({ order_total: "1000", commission_amount: "130", commission_currency: "JPY", refunded_total: "667" })).commission_amount
      ).toBe("43")
    })

    it("rounds to fils for KWD (3 decimals), half up", () => {
      // 1.235 × 5 / 10 = 0.6175 → 0.618
      expect(
        reviseCommission(input({ order_total: "10", commission_amount: "1.235", commission_currency: "kwd", refunded_total: "5" })).commission_amount
      ).toBe("0.618")
    })

    it("returns decimal strings", () => {
      const result = reviseCommission(input({ refunded_total: "29.99" }))
      expect(typeof result.commission_amount).toBe("string")
      expect(typeof result.refunded_total).toBe("string")
      // 13 × 100 / 129.99 = 10.0007… → 10.00
      expect(result.commission_amount).toBe("10")
      expect(result.refunded_total).toBe("29.99")
    })
  })

  describe("flat commission", () => {
    it("stands unchanged while anything of the order remains", () => {
      const result = reviseCommission(input({ commission_type: "flat", commission_amount: "5", refunded_total: "129.98" }))
      expect(result).toMatchObject({ commission_amount: "5", refunded_total: "129.98", reversed: false })
    })
  })

  describe("no refund", () => {
    it.each(["percentage", "flat"] as const)("leaves a %s commission unchanged and not reversed", (commission_type) => {
      const result = reviseCommission(input({ commission_type, commission_amount: "13.37", refunded_total: "0" }))
      expect(result).toMatchObject({ commission_amount: "13.37", refunded_total: "0", reversed: false })
    })
  })
})
