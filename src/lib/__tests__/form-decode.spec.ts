import { decodeForm, FormDecodeError } from "../form-decode"

function decodeError(input: string): FormDecodeError {
  try {
    decodeForm(input)
  } catch (e) {
    expect(e).toBeInstanceOf(FormDecodeError)
    return e as FormDecodeError
  }
  throw new Error(`decodeForm(${JSON.stringify(input)}) did not throw`)
}

describe("decodeForm", () => {
  it("decodes + as a space and percent-escapes as UTF-8", () => {
    expect(decodeForm("a=b+c&d=%41%20z&e=%2B&f=caf%C3%A9")).toEqual({ a: "b c", d: "A z", e: "+", f: "café" })
  })

  it("nests metadata[key]=value under metadata", () => {
    expect(decodeForm("order_id=1&metadata[coupon]=SPRING&metadata[sku%20id]=A+1")).toEqual({
      order_id: "1",
      metadata: { coupon: "SPRING", "sku id": "A 1" },
    })
  })

  it("preserves case and surrounding whitespace of values", () => {
    expect(decodeForm("click_token=+AbC+&x=%20Y%20")).toEqual({ click_token: " AbC ", x: " Y " })
  })

  it("ignores empty pairs and takes a bare name as an empty value", () => {
    expect(decodeForm("&&a=1&&flag&")).toEqual({ a: "1", flag: "" })
    expect(decodeForm("")).toEqual({})
  })

  it.each([
    ["a=1&a=2", "a"],
    ["click_token=x&click_token=x", "click_token"],
    ["metadata[k]=1&metadata[k]=2", "metadata[k]"],
    ["metadata=x&metadata[k]=1", "metadata[k]"],
    ["metadata[k]=1&metadata=x", "metadata"],
  ])("refuses the repeated parameter in %s, naming %s", (input, field) => {
    const error = decodeError(input)
    expect(error.field).toBe(field)
    expect(error.message).toContain(field)
  })

  it.each([
    ["click_token=%E0%A4%A", "click_token"],
    ["order_id=%ZZ", "order_id"],
    ["a=1&metadata[k]=%", "metadata[k]"],
    ["x=%C3%28", "x"], // a complete escape that is not UTF-8
  ])("refuses malformed percent-encoding in %s, naming %s", (input, field) => {
    const error = decodeError(input)
    expect(error.field).toBe(field)
    expect(error.message).toContain(field)
    expect(error.message).toMatch(/percent-encoding/)
  })

  it("refuses a malformed parameter name", () => {
    expect(decodeError("%ZZ=1").message).toMatch(/percent-encoding/)
  })

  it("cannot reach Object.prototype through __proto__ or constructor", () => {
    for (const input of ["__proto__[polluted]=yes", "constructor[polluted]=yes", "toString[polluted]=yes"]) {
      const out = decodeForm(input)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.keys(out)).toHaveLength(1)
    }
  })

  it("treats inherited names as ordinary parameter names", () => {
    expect(decodeForm("metadata[constructor]=x&metadata[toString]=y")).toEqual({ metadata: { constructor: "x", toString: "y" } })
    expect(Object.keys(decodeForm("constructor=1&__proto__=2"))).toEqual(["constructor", "__proto__"])
  })
})

describe("decodeForm: items", () => {
  it("decodes items[N][field] into a list of items, with each item's metadata", () => {
    expect(decodeForm("items[1][sku]=B&items[0][sku]=A&items[0][item_value]=10.00&items[0][metadata][colour]=red")).toEqual({
      items: [{ sku: "A", item_value: "10.00", metadata: { colour: "red" } }, { sku: "B" }],
    })
  })

  it.each([
    ["items[1][sku]=B", "items"], // no item 0
    ["items[0][sku]=A&items[2][sku]=C", "items"],
    ["items[x][sku]=A", "items"],
    ["items[01][sku]=A", "items"],
    ["items[0][sku]=A&items[0][sku]=B", "items[0][sku]"],
    ["items[0]=A&items[0][sku]=B", "items[0][sku]"],
    ["items[0][sku]=A&items[0]=B", "items[0]"],
    ["items[0][metadata][a][b]=1", "items[0][metadata][a][b]"], // deeper than three keys: a plain (unknown) name
  ])("refuses %s, naming %s", (input, field) => {
    if (field === "items[0][metadata][a][b]") {
      expect(Object.keys(decodeForm(input))).toEqual([field])
      return
    }
    const error = decodeError(input)
    expect(error.field).toBe(field)
    expect(error.message).toContain(field)
  })
})
