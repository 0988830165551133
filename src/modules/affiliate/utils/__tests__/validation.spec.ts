import { planValidation, type StoredItem, type ValidatedConversion, type ValidationPlan } from "../validation"

const item = (sku: string, item_value: string, rate: string | null = "10", status: StoredItem["status"] = "pending"): StoredItem => ({
  id: `acit_${sku}`,
  sku,
  quantity: 1,
  item_value,
  commission_rate: rate,
  // A rejected item earns nothing.
  commission_amount: rate === null ? null : status === "rejected" ? "0" : String((Number(item_value) * Number(rate)) / 100),
  status,
})

const conversion = (overrides: Partial<ValidatedConversion> = {}): ValidatedConversion => ({
  id: "aconv_1",
  status: "pending",
  status_reason: null,
  is_test: false,
  commission_amount: "10",
  commission_currency: "usd",
  adjusted_total: "0",
  payout: null,
  order_total: "100",
  order_currency: "usd",
  commission_type: "percentage",
  commission_rate: "10",
  items: [],
  ...overrides,
})

const updated = (plan: ValidationPlan) => {
  if (plan.result !== "updated") throw new Error(`expected an update, got ${JSON.stringify(plan)}`)
  return plan
}

describe("planValidation: status", () => {
  it("approves and rejects a pending conversion; repeating the entry changes nothing", () => {
    expect(updated(planValidation(conversion(), { order_id: "A-1", status: "approved" }))).toMatchObject({ conversion_status: "approved", commission_amount: "10" })
    expect(planValidation(conversion({ status: "approved" }), { order_id: "A-1", status: "approved" })).toEqual({ result: "unchanged", conversion_status: "approved", commission_amount: "10" })
    const rejected = updated(planValidation(conversion({ status: "approved" }), { order_id: "A-1", status: "rejected", reason: "returned" }))
    expect(rejected).toMatchObject({ conversion_status: "rejected", status_reason: "returned", commission_amount: "10" })
    expect(rejected.changes).toEqual([{ field: "status", from: "approved", to: "rejected", reason: "returned" }])
  })

  it("refuses a rejection without a reason, a reversed conversion, and approving a test one", () => {
    expect(planValidation(conversion(), { order_id: "A-1", status: "rejected" })).toEqual({ result: "invalid", message: "reason is required to reject a conversion" })
    expect(planValidation(conversion({ status: "reversed", status_reason: "order canceled" }), { order_id: "A-1", status: "approved" })).toEqual({
      result: "invalid",
      message: "Conversion aconv_1 is reversed (order canceled): it cannot change",
    })
    expect(planValidation(conversion({ is_test: true }), { order_id: "A-1", status: "approved" })).toMatchObject({ result: "invalid" })
  })

  it("reverses a paid conversion that is rejected, taking back all it was paid; approving it again is unchanged", () => {
    const paid = conversion({ status: "paid", commission_amount: "12.34", adjusted_total: "-2.34" })
    expect(planValidation(paid, { order_id: "A-1", status: "approved" })).toMatchObject({ result: "unchanged" })
    const plan = updated(planValidation(paid, { order_id: "A-1", status: "rejected", reason: "fraud" }))
    expect(plan).toMatchObject({ conversion_status: "reversed", adjustment: "-10", commission_amount: "12.34" })
  })

  it("takes an approved conversion that is rejected out of the open payout that holds it", () => {
    const plan = updated(planValidation(conversion({ status: "approved", payout: { id: "apay_1", status: "open" } }), { order_id: "A-1", status: "rejected", reason: "fraud" }))
    expect(plan).toMatchObject({ leave_open_payout: "apay_1", adjustment: null })
  })
})

describe("planValidation: amounts", () => {
  it("recomputes a conversion without items on a new order_total with the rate it was recorded with", () => {
    const plan = updated(planValidation(conversion({ commission_rate: "12.5", commission_amount: "12.5" }), { order_id: "A-1", order_total: "80.00" }))
    expect(plan).toMatchObject({ order_total: "80", commission_amount: "10" })
    expect(plan.changes.map((c) => c.field)).toEqual(["commission_amount", "order_total"])
    expect(planValidation(conversion(), { order_id: "A-1", order_total: "80.001" })).toMatchObject({ result: "invalid", message: "order_total has 3 decimals but USD has 2" })
  })

  it("scales a conversion recorded before rates were kept in proportion; a flat one stands while anything remains", () => {
    expect(updated(planValidation(conversion({ commission_rate: null, commission_amount: "13", order_total: "129.99" }), { order_id: "A-1", order_total: "29.99" })).commission_amount).toBe("3")
    const flat = conversion({ commission_type: "flat", commission_rate: "5", commission_amount: "5" })
    expect(planValidation(flat, { order_id: "A-1", order_total: "1" })).toMatchObject({ result: "updated", commission_amount: "5" })
    expect(updated(planValidation(flat, { order_id: "A-1", order_total: "0" })).commission_amount).toBe("0")
  })

  it("turns a lower amount on a paid conversion into a negative adjustment and keeps what it was paid", () => {
    const plan = updated(planValidation(conversion({ status: "paid" }), { order_id: "A-1", order_total: "60" }))
    expect(plan).toMatchObject({ conversion_status: "paid", commission_amount: "10", adjustment: "-4" })
  })
})

describe("planValidation: items", () => {
  const basket = () => conversion({ commission_amount: "15", order_total: "150", commission_rate: null, items: [item("A", "100"), item("B", "50")] })

  it("rejects one returned item: it earns nothing, leaves the total, and the conversion follows the others", () => {
    const plan = updated(planValidation(basket(), { order_id: "A-1", items: [{ sku: "B", status: "rejected", reason: "returned" }] }))
    expect(plan).toMatchObject({ conversion_status: "pending", order_total: "100", commission_amount: "10" })
    expect(plan.items).toEqual([{ id: "acit_B", status: "rejected", quantity: 1, item_value: "50", commission_amount: "0" }])
    expect(plan.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ["commission_amount", "15.00", "10.00"],
      ["order_total", "150.00", "100.00"],
      ["items.B.status", "pending", "rejected"],
      ["items.B.commission_amount", "5.00", "0.00"],
    ])
  })

  it("approves the conversion when an item is approved, and rejects it when every item is", () => {
    expect(updated(planValidation(basket(), { order_id: "A-1", items: [{ sku: "A", status: "approved" }] })).conversion_status).toBe("approved")
    const all = updated(planValidation(basket(), { order_id: "A-1", items: [{ sku: "A", status: "rejected" }, { sku: "B", status: "rejected" }], reason: "returned" }))
    expect(all).toMatchObject({ conversion_status: "rejected", order_total: "0", commission_amount: "0" })
  })

  it("changes an item's quantity and value, recomputed with its own rate", () => {
    const plan = updated(planValidation(basket(), { order_id: "A-1", items: [{ sku: "A", quantity: 1, item_value: "20.00" }] }))
    expect(plan).toMatchObject({ order_total: "70", commission_amount: "7" })
  })

  it("approving the conversion approves its pending items, and all of them when every one was rejected", () => {
    const partly = conversion({ items: [item("A", "100"), item("B", "50", "10", "rejected")] })
    expect(updated(planValidation(partly, { order_id: "A-1", status: "approved" })).items.map((i) => [i.id, i.status])).toEqual([["acit_A", "approved"]])
    const returned = conversion({ status: "rejected", items: [item("A", "100", "10", "rejected")] })
    expect(updated(planValidation(returned, { order_id: "A-1", status: "approved" })).items[0]).toMatchObject({ status: "approved", commission_amount: "10" })
  })

  it("names what is wrong: an unknown sku, order_total on a basket, items on a conversion without them", () => {
    expect(planValidation(basket(), { order_id: "A-1", items: [{ sku: "Z", status: "approved" }] })).toEqual({ result: "invalid", message: "no item of this conversion has sku Z" })
    expect(planValidation(basket(), { order_id: "A-1", order_total: "1" })).toMatchObject({ result: "invalid", message: expect.stringMatching(/change its items by sku/) })
    expect(planValidation(conversion(), { order_id: "A-1", items: [{ sku: "A", status: "approved" }] })).toMatchObject({ result: "invalid" })
    expect(planValidation(basket(), { order_id: "A-1", items: [{ sku: "A", status: "rejected" }] })).toEqual({ result: "invalid", message: "reason is required to reject item A" })
  })

  it("reverses a paid basket whose every item is returned, and owes back a partial return", () => {
    const paid = () => conversion({ status: "paid", commission_amount: "15", order_total: "150", commission_rate: null, items: [item("A", "100", "10", "approved"), item("B", "50", "10", "approved")] })
    expect(updated(planValidation(paid(), { order_id: "A-1", items: [{ sku: "B", status: "rejected", reason: "returned" }] }))).toMatchObject({
      conversion_status: "paid",
      adjustment: "-5",
    })
    expect(updated(planValidation(paid(), { order_id: "A-1", reason: "returned", items: [{ sku: "A", status: "rejected" }, { sku: "B", status: "rejected" }] }))).toMatchObject({
      conversion_status: "reversed",
      adjustment: "-15",
    })
  })
})
