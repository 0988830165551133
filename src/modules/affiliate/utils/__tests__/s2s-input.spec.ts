import { MAX_METADATA_BYTES, parseS2sInput } from "../s2s-input"

const VALID = { click_token: "AbC123xyz", order_id: "ORD-1", order_total: "129.90", order_currency: "USD" }

function ok(input: Record<string, unknown>) {
  const result = parseS2sInput(input)
  if (!("data" in result)) throw new Error(`expected success, got ${result.message}`)
  return result.data
}

function fail(input: unknown) {
  const result = parseS2sInput(input)
  if ("data" in result) throw new Error("expected a validation error")
  return result
}

describe("parseS2sInput", () => {
  it("accepts the minimal input and lower-cases the currency", () => {
    expect(ok(VALID)).toEqual({ ...VALID, order_currency: "usd" })
  })

  it("keeps the click_token exactly as sent: not trimmed, not lower-cased", () => {
    expect(ok({ ...VALID, click_token: " abc " }).click_token).toBe(" abc ")
    expect(ok({ ...VALID, click_token: "AbC" }).click_token).toBe("AbC")
  })

  it("takes a JSON number order_id as its digits", () => {
    expect(ok({ ...VALID, order_id: 12345 }).order_id).toBe("12345")
    expect(ok({ ...VALID, order_id: 0 }).order_id).toBe("0")
  })

  it.each([1.5, -3, 2 ** 53])("rejects the number order_id %p", (order_id) => {
    expect(fail({ ...VALID, order_id }).errors.map((e) => e.field)).toEqual(["order_id"])
  })

  it("takes a JSON number order_total as text", () => {
    expect(ok({ ...VALID, order_total: 129.9 }).order_total).toBe("129.9")
  })

  it.each(["click_token", "order_currency"])("reports a missing %s as required", (field) => {
    const input: Record<string, unknown> = { ...VALID }
    delete input[field]
    const { errors, message } = fail(input)
    expect(errors).toEqual([{ field, message: "is required" }])
    expect(message).toContain(field)
  })

  it.each(["order_id", "order_total"])("reports a missing %s as required", (field) => {
    const input: Record<string, unknown> = { ...VALID }
    delete input[field]
    const { errors, message } = fail(input)
    expect(errors).toEqual([{ field, message: "is required" }])
    expect(message).toContain(field)
  })

  it("says what a wrong-typed order_id or order_total must be", () => {
    expect(fail({ ...VALID, order_id: 1.5 }).errors[0].message).toMatch(/whole number/)
    expect(fail({ ...VALID, order_total: { a: 1 } }).errors[0].message).toMatch(/decimal number/)
  })

  it("rejects an occurred_at that does not exist on the calendar or the clock", () => {
    for (const occurred_at of ["2026-02-30T12:00:00Z", "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:60:00+02:00"]) {
      expect(fail({ ...VALID, occurred_at }).errors[0].field).toBe("occurred_at")
    }
    expect(ok({ ...VALID, occurred_at: "2028-02-29T23:59:59+05:30" }).occurred_at).toBeInstanceOf(Date)
  })

  it("gives one error for a malformed currency code", () => {
    expect(fail({ ...VALID, order_currency: "US" }).errors).toHaveLength(1)
  })

  it("does not call a non-object body an unknown parameter", () => {
    expect(fail(null).message).not.toMatch(/metadata/)
  })

  it("reports an empty click_token as required", () => {
    expect(fail({ ...VALID, click_token: "" }).errors).toEqual([{ field: "click_token", message: "is required" }])
  })

  it("accepts a 128-character click_token and rejects 129", () => {
    expect(ok({ ...VALID, click_token: "a".repeat(128) }).click_token).toHaveLength(128)
    expect(fail({ ...VALID, click_token: "a".repeat(129) }).errors[0].field).toBe("click_token")
  })

  it("tells the caller to nest an unknown top-level parameter under metadata", () => {
    const { errors, message } = fail({ ...VALID, coupon: "SPRING" })
    expect(errors.map((e) => e.field)).toEqual(["coupon"])
    expect(message).toMatch(/coupon/)
    expect(message).toMatch(/metadata/)
  })

  it("accepts metadata of string keys to scalars", () => {
    const metadata = { coupon: "SPRING", items: 3, gift: false, note: null }
    expect(ok({ ...VALID, metadata }).metadata).toEqual(metadata)
  })

  it("rejects a nested object in metadata", () => {
    expect(fail({ ...VALID, metadata: { a: { b: 1 } } }).errors[0].field).toMatch(/^metadata/)
  })

  it("limits metadata to 10 KB serialised, counting bytes", () => {
    const padding = MAX_METADATA_BYTES - JSON.stringify({ k: "" }).length
    expect(ok({ ...VALID, metadata: { k: "x".repeat(padding) } }).metadata).toBeDefined()
    expect(fail({ ...VALID, metadata: { k: "x".repeat(padding + 1) } }).errors[0].field).toBe("metadata")
    // 5,200 two-byte characters: under 10,240 characters but over 10,240 bytes.
    expect(fail({ ...VALID, metadata: { k: "é".repeat(5200) } }).errors[0].field).toBe("metadata")
  })

  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
    [true, true],
  ])("parses the flag %p as %p (forms send text)", (value, expected) => {
    expect(ok({ ...VALID, test: value, limited_data_use: value })).toMatchObject({
      test: expected,
      limited_data_use: expected,
    })
  })

  it("rejects a flag that is not a boolean", () => {
    expect(fail({ ...VALID, test: "yes" }).errors[0].field).toBe("test")
  })

  it("requires occurred_at to carry a time zone", () => {
    expect(ok({ ...VALID, occurred_at: "2026-01-31T12:00:00Z" }).occurred_at).toEqual(new Date("2026-01-31T12:00:00Z"))
    expect(ok({ ...VALID, occurred_at: "2026-01-31T12:00:00+05:30" }).occurred_at?.toISOString()).toBe(
      "2026-01-31T06:30:00.000Z"
    )
    const { errors } = fail({ ...VALID, occurred_at: "2026-01-31T12:00:00" })
    expect(errors[0]).toEqual({ field: "occurred_at", message: expect.stringMatching(/time zone/) })
  })

  it.each([
    ["order_total", "12,50"],
    ["order_total", "-1"],
    ["order_total", "1.999"],
    ["order_currency", "XYZ"],
    ["order_currency", "US"],
    ["ip", "not-an-ip"],
    ["device_type", "phone"],
    ["consent", "yes"],
  ])("rejects %s = %p, naming the field", (field, value) => {
    const { errors, message } = fail({ ...VALID, [field]: value })
    expect(new Set(errors.map((e) => e.field))).toEqual(new Set([field]))
    expect(message).toContain(field)
  })

  it("rejects more decimals than the currency has", () => {
    expect(fail({ ...VALID, order_total: "100.5", order_currency: "jpy" }).errors).toEqual([
      { field: "order_total", message: "has 1 decimals but JPY has 0" },
    ])
  })
})

describe("parseS2sInput for a lead campaign", () => {
  const lead = { click_token: "AbC123xyzTOKEN", order_id: "SIGNUP-77" }

  it("takes a lead reference without order_total and order_currency", () => {
    expect(parseS2sInput(lead, "lead")).toEqual({ data: lead })
  })

  it("still checks a total that is sent, which needs its currency", () => {
    expect(parseS2sInput({ ...lead, order_total: "12.50", order_currency: "usd" }, "lead")).toMatchObject({ data: { order_total: "12.50", order_currency: "usd" } })
    expect(parseS2sInput({ ...lead, order_total: "12.5" }, "lead")).toMatchObject({
      errors: [{ field: "order_currency", message: "is required with order_total" }],
    })
    expect(parseS2sInput({ ...lead, order_total: "1.234", order_currency: "usd" }, "lead")).toMatchObject({ errors: [{ field: "order_total" }] })
  })

  it("a sale campaign still requires both", () => {
    expect(parseS2sInput(lead)).toMatchObject({
      errors: [
        { field: "order_total", message: "is required" },
        { field: "order_currency", message: "is required" },
      ],
    })
  })
})

describe("parseS2sInput: items and customer_type (contract, section 8)", () => {
  const { order_total: _, ...BASKET } = VALID
  const items = [
    { sku: "TV-1", item_value: "99.90", quantity: 2, category: "electronics", metadata: { colour: "black" } },
    { sku: "CARD", item_value: 30 },
  ]

  it("takes items without order_total (their sum), and with an equal one; keeps customer_type", () => {
    expect(ok({ ...BASKET, items, customer_type: "new" })).toMatchObject({ items: [{ sku: "TV-1", item_value: "99.90", quantity: 2 }, { sku: "CARD", item_value: "30" }], customer_type: "new" })
    expect(ok({ ...BASKET, items, order_total: "129.90" }).order_total).toBe("129.90")
  })

  it("refuses an order_total that is not the items' sum, naming order_total", () => {
    const { errors, message } = fail({ ...BASKET, items, order_total: "130.00" })
    expect(errors).toEqual([{ field: "order_total", message: "must equal the sum of the items' item_value (129.9) when both are given" }])
    expect(message).toBe("Invalid order_total: must equal the sum of the items' item_value (129.9) when both are given")
  })

  it("names the item and its field: a missing sku, a bad value, too many decimals, a bad quantity", () => {
    expect(fail({ ...BASKET, items: [{ item_value: "1" }] }).errors).toEqual([{ field: "items[0].sku", message: "is required" }])
    expect(fail({ ...BASKET, items: [...items, { sku: "X", item_value: "-1" }] }).errors[0].field).toBe("items[2].item_value")
    expect(fail({ ...BASKET, items: [...items, { sku: "X", item_value: "1.999" }] }).errors).toEqual([{ field: "items[2].item_value", message: "has 3 decimals but USD has 2" }])
    expect(fail({ ...BASKET, items: [{ sku: "X", item_value: "1", quantity: 0 }] }).errors[0]).toEqual({ field: "items[0].quantity", message: "must be a whole number from 1 to 100000" })
    expect(ok({ ...BASKET, items: [{ sku: "X", item_value: "1", quantity: "3" }] }).items![0].quantity).toBe(3)
  })

  it("refuses an unknown field inside an item, naming it and saying where custom fields go", () => {
    const { errors, message } = fail({ ...BASKET, items: [items[0], items[1], { sku: "X", item_value: "1", colour: "red" }] })
    expect(errors).toEqual([{ field: "items[2].colour", message: "unknown field: custom fields of an item must be nested under its metadata (items[2].metadata.colour)" }])
    expect(message).toBe("Unknown field items[2].colour: custom fields of an item must be nested under its metadata")
  })

  it("holds 1 to 100 items with one sku each", () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ sku: `S${i}`, item_value: "1" }))
    expect(fail({ ...BASKET, items: many }).errors).toEqual([{ field: "items", message: "holds more than 100 items" }])
    expect(ok({ ...BASKET, items: many.slice(0, 100) }).items).toHaveLength(100)
    expect(fail({ ...BASKET, items: [] }).errors[0].field).toBe("items")
    expect(fail({ ...BASKET, items: [{ sku: "A", item_value: "1" }, { sku: "A", item_value: "2" }] }).errors[0].field).toBe("items[1].sku")
  })

  it("refuses an unknown customer_type and items for a lead campaign", () => {
    expect(fail({ ...VALID, customer_type: "vip" }).errors[0].field).toBe("customer_type")
    const lead = parseS2sInput({ click_token: "t", order_id: "L-1", items }, "lead")
    expect(lead).toMatchObject({ errors: [{ field: "items", message: expect.stringMatching(/not taken by a lead campaign/) }] })
  })
})
