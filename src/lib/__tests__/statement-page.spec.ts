import type { AffiliateStatement } from "../../types/http"
import { periodTotals, renderStatementNotFound, renderStatementPage } from "../statement-page"

const statement = (overrides: Partial<AffiliateStatement> = {}): AffiliateStatement => ({
  affiliate: { name: "Anna <b>Zoë</b>", code: "anna" },
  days: 7,
  links: [{ campaign_id: "acmp_1", campaign_name: "Spring & Summer", url: "https://api.example.com/affiliate/click/spring?aff=anna" }],
  totals: { clicks: 120, unique_clicks: 90, filtered_clicks: 0, conversions: 4, commission: [{ currency_code: "usd", amount: "40.5" }] },
  series: [
    { date: "2026-01-01", clicks: 10, unique_clicks: 8, filtered_clicks: 0, conversions: 1, conversion_rate: 10, commission: { usd: "9", eur: "1.1" } },
    { date: "2026-01-02", clicks: 0, unique_clicks: 0, filtered_clicks: 0, conversions: 0, conversion_rate: 0, commission: {} },
    { date: "2026-01-03", clicks: 5, unique_clicks: 5, filtered_clicks: 0, conversions: 2, conversion_rate: 40, commission: { usd: "0.2" } },
  ],
  balance: [{ currency_code: "usd", amount: "12.00" }],
  payouts: [{ id: "apay_1", amount: "28.50", currency_code: "usd", status: "paid", reference: "TRF-1", paid_at: "2026-01-04T10:00:00.000Z", created_at: "2026-01-01T10:00:00.000Z" }],
  conversions: [
    { created_at: "2026-01-03T08:00:00.000Z", campaign_id: "acmp_1", campaign_name: "Spring & Summer", source: "coupon", status: "pending", commission_amount: "0.20", commission_currency: "usd", order_id: null },
    { created_at: "2026-01-01T08:00:00.000Z", campaign_id: "acmp_1", campaign_name: "Spring & Summer", source: "store", status: "approved", commission_amount: "9.00", commission_currency: "usd", order_id: "order_123" },
  ],
  ...overrides,
})

describe("the statement page", () => {
  it("adds up the period from its days, exactly, per currency", () => {
    expect(periodTotals(statement().series)).toEqual({
      clicks: 15,
      unique_clicks: 13,
      conversions: 3,
      commission: [
        { currency_code: "usd", amount: "9.2" },
        { currency_code: "eur", amount: "1.1" },
      ],
    })
  })

  it("shows the figures, links, conversions and payouts, every value escaped", () => {
    const html = renderStatementPage(statement(), { now: new Date("2026-01-03T12:00:00Z") })
    expect(html).toContain("Anna &lt;b&gt;Zoë&lt;/b&gt;")
    expect(html).not.toContain("<b>Zoë</b>")
    expect(html).toContain("Spring &amp; Summer")
    expect(html).toContain("https://api.example.com/affiliate/click/spring?aff=anna")
    expect(html).toContain("9.20 USD · 1.10 EUR")
    expect(html).toContain("12.00 USD")
    expect(html).toContain("TRF-1")
    expect(html).toContain("13 unique")
    expect(html).toContain("120 clicks (90 unique)")
    expect(html).toContain("order_123")
    expect(html).toContain('href="?days=7" aria-current="page"')
    // The daily table lists the days with activity; the quiet one is only in the chart.
    expect(html).toContain("<td>2026-01-03</td>")
    expect(html).not.toContain("<td>2026-01-02</td>")
  })

  it("runs no script and fits a phone (viewport meta, tables that scroll inside their box)", () => {
    const html = renderStatementPage(statement())
    expect(html).not.toMatch(/<script|javascript:|\son\w+=/i)
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toContain('class="scroll"')
  })

  it("says nothing about whose link an unknown one was", () => {
    expect(renderStatementNotFound()).toContain("Statement not found")
  })
})
