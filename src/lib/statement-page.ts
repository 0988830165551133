import { MathBN } from "@medusajs/framework/utils"
import type { AffiliateStatement } from "../types/http"
import { formatAmount } from "../modules/affiliate/utils/money"

/*
 * The affiliate's statement as a page: server-rendered HTML and inline CSS, no script at all (the
 * route's Content-Security-Policy allows none), readable on a phone. Every value is escaped.
 */

import { escapeHtml, privatePage } from "./html"

export const money = (amount: string, currency: string) => `${formatAmount(amount, currency)} ${currency.toUpperCase()}`
export const moneyList = (amounts: { currency_code: string; amount: string }[]) =>
  amounts.length ? amounts.map((a) => money(a.amount, a.currency_code)).join(" · ") : "0"
export const day = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : "—")
export const count = (n: number) => n.toLocaleString("en-US")

export const STATUS_LABEL: Record<string, string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  paid: "Paid",
  reversed: "Reversed",
  open: "Processing",
}
export const SOURCE_LABEL: Record<string, string> = { store: "Link", s2s: "Link (shop)", coupon: "Code" }

/** The period's own totals, added up from its days (commission per currency, exactly). */
export function periodTotals(series: AffiliateStatement["series"]) {
  const commission = new Map<string, string>()
  let clicks = 0
  let uniqueClicks = 0
  let conversions = 0
  for (const point of series) {
    clicks += point.clicks
    uniqueClicks += point.unique_clicks
    conversions += point.conversions
    for (const [currency, amount] of Object.entries(point.commission)) {
      commission.set(currency, MathBN.add(commission.get(currency) ?? 0, amount).toFixed())
    }
  }
  return { clicks, unique_clicks: uniqueClicks, conversions, commission: [...commission].map(([currency_code, amount]) => ({ currency_code, amount })) }
}

export function card(label: string, value: string, note?: string) {
  return `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>${
    note ? `<div class="note">${escapeHtml(note)}</div>` : ""
  }</div>`
}

export function table(caption: string, headers: string[], rows: string[][], empty: string) {
  if (!rows.length) return `<p class="empty">${escapeHtml(empty)}</p>`
  return `<div class="scroll"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${headers
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`
}

/** A bar per day (clicks, with conversions over them); decoration only, the table below has the figures. */
export function chart(series: AffiliateStatement["series"]) {
  const max = Math.max(1, ...series.map((p) => p.clicks))
  const bars = series
    .map((p) => {
      const clicks = Math.round((p.clicks / max) * 100)
      const conversions = Math.round((Math.min(p.conversions, p.clicks || p.conversions) / max) * 100)
      return `<span class="bar" style="height:${clicks}%"><span class="conv" style="height:${clicks ? Math.round((conversions / clicks) * 100) : 0}%"></span></span>`
    })
    .join("")
  return `<div class="chart" aria-hidden="true">${bars}</div>`
}

export function renderStatementPage(statement: AffiliateStatement, { now = new Date() }: { now?: Date } = {}): string {
  const period = periodTotals(statement.series)
  const periods = [7, 30, 90]
    .map((d) => `<a href="?days=${d}"${d === statement.days ? ' aria-current="page"' : ""}>${d} days</a>`)
    .join("")
  // Days with something to show, newest first: the chart above has every day of the period.
  const daily = [...statement.series]
    .reverse()
    .filter((p) => p.clicks || p.conversions || Object.keys(p.commission).length)
    .map((p) => [
      escapeHtml(p.date),
      escapeHtml(count(p.clicks)),
      escapeHtml(count(p.conversions)),
      escapeHtml(Object.keys(p.commission).length ? Object.entries(p.commission).map(([c, a]) => money(a, c)).join(" · ") : "0"),
    ])
  const links = statement.links.length
    ? `<ul class="links">${statement.links
        .map((l) => `<li><span class="campaign">${escapeHtml(l.campaign_name)}</span><code>${escapeHtml(l.url)}</code></li>`)
        .join("")}</ul>`
    : `<p class="empty">No campaign to promote yet.</p>`
  const conversions = statement.conversions.map((c) => [
    escapeHtml(day(c.created_at)),
    escapeHtml(c.campaign_name),
    escapeHtml(SOURCE_LABEL[c.source] ?? c.source),
    `<span class="status ${escapeHtml(c.status)}">${escapeHtml(STATUS_LABEL[c.status] ?? c.status)}</span>`,
    escapeHtml(money(c.commission_amount, c.commission_currency)),
    c.order_id ? `<code>${escapeHtml(c.order_id)}</code>` : "—",
  ])
  const payouts = statement.payouts.map((p) => [
    escapeHtml(day(p.created_at)),
    escapeHtml(money(p.amount, p.currency_code)),
    `<span class="status ${escapeHtml(p.status)}">${escapeHtml(STATUS_LABEL[p.status] ?? p.status)}</span>`,
    escapeHtml(day(p.paid_at)),
    p.reference ? `<code>${escapeHtml(p.reference)}</code>` : "—",
  ])

  return privatePage({
    title: `Statement · ${statement.affiliate.name}`,
    style: STYLE,
    body: `<main>
<header>
<p class="eyebrow">Affiliate statement</p>
<h1>${escapeHtml(statement.affiliate.name)} <span class="code">${escapeHtml(statement.affiliate.code)}</span></h1>
<nav aria-label="Period">${periods}</nav>
</header>
<section aria-labelledby="summary"><h2 id="summary">Last ${statement.days} days</h2>
<div class="cards">
${card("Clicks", count(period.clicks), `${count(period.unique_clicks)} unique`)}
${card("Conversions", count(period.conversions))}
${card("Commission", moneyList(period.commission), "pending, approved and paid")}
${card("Balance", moneyList(statement.balance), "approved, not yet paid out")}
</div>
<p class="alltime">All time: ${escapeHtml(count(statement.totals.clicks))} clicks (${escapeHtml(count(statement.totals.unique_clicks))} unique), ${escapeHtml(count(statement.totals.conversions))} conversions, ${escapeHtml(moneyList(statement.totals.commission))} commission.</p>
${chart(statement.series)}
</section>
<section aria-labelledby="links"><h2 id="links">Your tracking links</h2>${links}</section>
<section aria-labelledby="daily"><h2 id="daily">By day</h2>${table("Clicks, conversions and commission per UTC day with activity, newest first", ["Day", "Clicks", "Conversions", "Commission"], daily, "No clicks or conversions in this period.")}</section>
<section aria-labelledby="conversions"><h2 id="conversions">Latest conversions</h2>${table(`Your latest conversions of the last ${statement.days} days`, ["Day", "Campaign", "Via", "Status", "Commission", "Order"], conversions, "No conversions in this period.")}</section>
<section aria-labelledby="payouts"><h2 id="payouts">Payouts</h2>${table("Your payouts, newest first", ["Created", "Amount", "Status", "Paid", "Reference"], payouts, "No payouts yet.")}</section>
<footer>Days are UTC days. Figures as of ${escapeHtml(now.toISOString().slice(0, 16).replace("T", " "))} UTC. This page is private: anyone with its link can read it.</footer>
</main>`,
  })
}

/** The answer to an unknown, rotated or revoked link: nothing about whose it was. */
export function renderStatementNotFound(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>Statement not found</title><style>${STYLE}</style></head>
<body><main><h1>Statement not found</h1><p>This link does not exist or is no longer valid. Ask your partner manager for a new one.</p></main></body></html>`
}

export const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#18181b;background:#f4f4f5}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.25rem 0 .75rem;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:1.75rem 0 .5rem}
.eyebrow{margin:0;color:#71717a;font-size:.85rem;text-transform:uppercase;letter-spacing:.05em}
.code{font:500 .9rem ui-monospace,SFMono-Regular,Menlo,monospace;color:#52525b;background:#e4e4e7;border-radius:4px;padding:2px 6px;vertical-align:middle}
nav{display:flex;gap:8px;flex-wrap:wrap}
nav a{padding:6px 12px;border-radius:999px;background:#fff;border:1px solid #d4d4d8;color:#18181b;text-decoration:none;font-size:.9rem}
nav a[aria-current=page]{background:#18181b;border-color:#18181b;color:#fff}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:#fff;border:1px solid #e4e4e7;border-radius:10px;padding:12px 14px}
.card .label{color:#71717a;font-size:.85rem}
.card .value{font-size:1.3rem;font-weight:600;overflow-wrap:anywhere}
.card .note{color:#a1a1aa;font-size:.75rem}
.alltime{color:#52525b;font-size:.9rem}
.chart{display:flex;align-items:flex-end;gap:2px;height:96px;background:#fff;border:1px solid #e4e4e7;border-radius:10px;padding:8px}
.bar{flex:1;background:#c7d2fe;border-radius:2px 2px 0 0;display:flex;align-items:flex-end;min-height:1px}
.conv{width:100%;background:#4f46e5;border-radius:2px 2px 0 0}
.links{list-style:none;padding:0;margin:0;display:grid;gap:8px}
.links li{background:#fff;border:1px solid #e4e4e7;border-radius:10px;padding:10px 12px}
.links .campaign{display:block;font-weight:600}
.links code,td code{font:.85rem ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere;word-break:break-all}
.scroll{overflow-x:auto;background:#fff;border:1px solid #e4e4e7;border-radius:10px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;padding:8px 12px;color:#71717a;font-size:.8rem}
th,td{text-align:left;padding:8px 12px;border-top:1px solid #f4f4f5;white-space:nowrap}
th{color:#52525b;font-weight:600}
.status{border-radius:999px;padding:1px 8px;font-size:.8rem;background:#f4f4f5}
.status.approved,.status.paid{background:#dcfce7;color:#166534}
.status.rejected,.status.reversed{background:#fee2e2;color:#991b1b}
.status.pending,.status.open{background:#fef9c3;color:#854d0e}
.empty{color:#71717a}
footer{margin:2rem 0 1rem;color:#a1a1aa;font-size:.8rem}
@media (max-width:480px){main{padding:12px}h1{font-size:1.25rem}.card .value{font-size:1.1rem}th,td{padding:6px 8px}}
`
