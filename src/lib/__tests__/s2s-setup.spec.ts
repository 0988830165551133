import { buildS2sSetup } from "../s2s-setup"

const KEY = "s2s_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcd"

describe("buildS2sSetup", () => {
  it("points at the S2S endpoint under the public URL, whatever trailing slashes it has", () => {
    const setup = buildS2sSetup({ apiKey: KEY, publicUrl: "https://shop.example.com/" })
    expect(setup.endpoint_url).toBe("https://shop.example.com/integration/s2sConvert")
    expect(setup.method).toBe("POST")
    expect(setup.api_key).toBe(KEY)
  })

  it("lists the five required parameters the seed's table shows, then the optional ones", () => {
    const { parameters } = buildS2sSetup({ apiKey: KEY, publicUrl: "http://localhost:9000" })
    expect(parameters.filter((p) => p.required).map((p) => p.name)).toEqual([
      "api_key",
      "click_token",
      "order_id",
      "order_total",
      "order_currency",
    ])
    expect(parameters.map((p) => p.name)).toContain("test")
    for (const p of parameters) {
      expect(Object.keys(p).sort()).toEqual(["description", "name", "required"])
      expect(p.description.length).toBeGreaterThan(10)
    }
  })

  it("gives a cURL with the real key, the endpoint and a JSON body of the required parameters, the items and the customer type", () => {
    const { example_curl } = buildS2sSetup({ apiKey: KEY, publicUrl: "https://shop.example.com" })
    expect(example_curl).toContain("curl -X POST 'https://shop.example.com/integration/s2sConvert'")
    expect(example_curl).toContain(`-H 'X-API-Key: ${KEY}'`)
    expect(example_curl).toContain("-H 'Content-Type: application/json'")
    const body = JSON.parse(example_curl.match(/-d '(.*)'$/)![1])
    expect(body).toEqual({
      click_token: expect.any(String),
      order_id: expect.any(String),
      order_total: "129.90",
      order_currency: "USD",
      customer_type: "new",
      items: [
        { sku: expect.any(String), quantity: 2, item_value: "99.90", category: expect.any(String), collection: expect.any(String) },
        { sku: expect.any(String), quantity: 1, item_value: "30.00", category: expect.any(String) },
      ],
    })
  })

  it("writes the example total and items with the campaign currency's decimals; the items add up to the total", () => {
    const body = (currencyCode: string) =>
      JSON.parse(buildS2sSetup({ apiKey: KEY, publicUrl: "http://x", currencyCode }).example_curl.match(/-d '(.*)'$/)![1])
    expect(body("jpy")).toMatchObject({ order_total: "12990", order_currency: "JPY" })
    expect(body("kwd")).toMatchObject({ order_total: "129.900", order_currency: "KWD" })
    expect(body("eur")).toMatchObject({ order_total: "129.90", order_currency: "EUR" })
    const minor = { jpy: 1, kwd: 1000, eur: 100 }
    for (const [currency, unit] of Object.entries(minor)) {
      const { order_total, items } = body(currency)
      const decimals = String(unit).length - 1
      for (const i of items) expect(i.item_value.split(".")[1]?.length ?? 0).toBe(decimals)
      const sum = items.reduce((a: number, i: { item_value: string }) => a + Math.round(Number(i.item_value) * unit), 0)
      expect(sum).toBe(Math.round(Number(order_total) * unit))
    }
  })

  it("quotes a public URL holding a quote so the command stays one shell word", () => {
    const { example_curl } = buildS2sSetup({ apiKey: KEY, publicUrl: "https://it's.example" })
    expect(example_curl).toContain(`'https://it'\\''s.example/integration/s2sConvert'`)
  })

  it("reports when the replaced key stops working, as ISO 8601, or null", () => {
    const at = new Date("2030-01-02T03:04:05.000Z")
    expect(buildS2sSetup({ apiKey: KEY, publicUrl: "http://x", previousKeyExpiresAt: at }).previous_key_expires_at).toBe(
      "2030-01-02T03:04:05.000Z"
    )
    expect(buildS2sSetup({ apiKey: KEY, publicUrl: "http://x" }).previous_key_expires_at).toBeNull()
  })

  it("says when the endpoint URL is the one the admin is served from, and when it is configured", () => {
    const fromRequest = buildS2sSetup({ apiKey: KEY, publicUrl: "http://10.0.0.5:9000", publicUrlSource: "request" })
    expect(fromRequest.endpoint_url_source).toBe("request")
    expect(fromRequest.endpoint_url_notice).toMatch(/publicUrl/)
    const configured = buildS2sSetup({ apiKey: KEY, publicUrl: "https://api.shop.example" })
    expect(configured).toMatchObject({ endpoint_url_source: "public_url", endpoint_url_notice: null })
  })

  it("shows an unreadable key as null with what to do, and keeps the example usable without it", () => {
    const setup = buildS2sSetup({ apiKey: null, keyProblem: "add the old key", keyPrefix: "s2s_abcdef…", publicUrl: "https://x.example" })
    expect(setup.api_key).toBeNull()
    expect(setup.key_problem).toBe("add the old key")
    expect(setup.example_curl).toContain("X-API-Key: s2s_abcdef…")
    expect(buildS2sSetup({ apiKey: KEY, keyProblem: "ignored", publicUrl: "https://x.example" }).key_problem).toBeNull()
  })
})

describe("buildS2sSetup for a lead campaign", () => {
  const lead = buildS2sSetup({ apiKey: KEY, publicUrl: "https://shop.example.com", currencyCode: "eur", toolType: "lead" })

  it("requires a lead reference but no order total or currency", () => {
    expect(lead.parameters.filter((p) => p.required).map((p) => p.name)).toEqual(["api_key", "click_token", "order_id"])
    expect(lead.parameters.find((p) => p.name === "order_id")!.description).toMatch(/lead's own reference/)
    expect(lead.parameters.find((p) => p.name === "order_total")!.description).toMatch(/flat/)
  })

  it("gives a cURL that reports a lead without a total", () => {
    const body = JSON.parse(lead.example_curl.match(/-d '(.*)'$/)![1])
    expect(body).toEqual({ click_token: expect.any(String), order_id: "LEAD-1001" })
    expect(lead.example_curl).not.toContain("items")
    expect(lead.example_curl).not.toContain("customer_type")
  })
})
