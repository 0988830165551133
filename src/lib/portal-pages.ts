import type { AffiliateStatement, PayoutDetails, PortalConversion, PortalLink, PortalPayout } from "../types/http"
import { escapeHtml } from "./html"
import { errorSummary, field, page } from "./partner-pages"
import { card, chart, count, day, money, moneyList, STATUS_LABEL, table } from "./statement-page"

/*
 * The partner portal's pages, over the same data as its JSON API. No script: forms post and
 * redirect, the deep-link builder answers with a page, the QR code is an <img>.
 */

type Me = { name: string; code: string; email: string; email_notifications: "each" | "daily" | "off" }
type Money = { currency_code: string; amount: string }
type Stats = {
  days: number
  totals: { clicks: number; unique_clicks: number; conversions: number; commission: Money[] }
  series: AffiliateStatement["series"]
  balance: Money[]
  month: { clicks: number; unique_clicks: number; conversions: number; commission: Money[] }
}

const opts = (current: string, title: string, flash?: string | null) => ({ title: `${title} · Partner portal`, nav: { current }, flash })

export function renderPortalHome(me: Me, stats: Stats): string {
  const periods = [7, 30, 90]
    .map((d) => `<a href="?days=${d}"${d === stats.days ? ' aria-current="page"' : ""}>${d} days</a>`)
    .join("")
  return page(
    `<h1>Hello, ${escapeHtml(me.name)} <span class="code">${escapeHtml(me.code)}</span></h1>
<section aria-labelledby="month"><h2 id="month">This month</h2>
<div class="cards">
${card("Balance", moneyList(stats.balance), "approved, not yet paid out")}
${card("Clicks", count(stats.month.clicks), `${count(stats.month.unique_clicks)} unique`)}
${card("Conversions", count(stats.month.conversions))}
${card("Commission", moneyList(stats.month.commission), "pending, approved and paid")}
</div></section>
<section aria-labelledby="chart"><h2 id="chart">Last ${stats.days} days</h2>
<nav aria-label="Period">${periods}</nav>
<p class="alltime">Clicks per day, with conversions in the darker part. All time: ${escapeHtml(count(stats.totals.clicks))} clicks (${escapeHtml(count(stats.totals.unique_clicks))} unique), ${escapeHtml(count(stats.totals.conversions))} conversions, ${escapeHtml(moneyList(stats.totals.commission))} commission.</p>
${chart(stats.series)}
</section>
<p><a href="/affiliate/portal/links">Get your links</a> · <a href="/affiliate/portal/conversions">See your conversions</a></p>`,
    opts("/affiliate/portal", "Home")
  )
}

export type BuiltLink = { url: string; campaign_name: string; qr_src: string }
export type LinkForm = { values: Record<string, string>; errors: string[] }

export function renderPortalLinks(links: PortalLink[], built: BuiltLink | null, form: LinkForm): string {
  const list = links.length
    ? `<ul class="links">${links
        .map(
          (l, i) =>
            `<li><span class="campaign">${escapeHtml(l.campaign_name)}</span><label for="link-${i}" class="hint">Your link (select it and copy)</label><input id="link-${i}" readonly value="${escapeHtml(l.url)}"><span class="hint">Lands on ${escapeHtml(l.target_url)}</span></li>`
        )
        .join("")}</ul>`
    : `<p class="empty">No campaign to promote yet.</p>`
  const options = links
    .map((l) => `<option value="${escapeHtml(l.campaign_id)}"${form.values.campaign_id === l.campaign_id ? " selected" : ""}>${escapeHtml(l.campaign_name)}</option>`)
    .join("")
  const result = built
    ? `<section aria-labelledby="built" class="links"><h2 id="built">Your deep link for ${escapeHtml(built.campaign_name)}</h2>
<label for="deep-link">Select it and copy</label><input id="deep-link" name="deep_link" readonly value="${escapeHtml(built.url)}">
<p class="qr"><img src="${escapeHtml(built.qr_src)}" alt="QR code of the deep link"></p>
<p><a href="${escapeHtml(built.qr_src)}" download="qr-code.svg">Download the QR code (SVG)</a></p></section>`
    : ""
  const subs = [1, 2, 3, 4, 5]
    .map((n) => field({ name: `sub${n}`, label: `sub${n}`, value: form.values[`sub${n}`], maxlength: 255, hint: n === 1 ? "optional: your own tracking values" : undefined }))
    .join("\n")
  return page(
    `<h1>Your links</h1>
${list}
${result}
<h2 id="builder">Build a deep link</h2>
<p>Send people to a page of the shop (a product, a category) instead of the campaign's landing page.</p>
${errorSummary(form.errors)}
<form class="stack" method="post" action="/affiliate/portal/links" aria-labelledby="builder">
<label for="campaign_id">Campaign<select id="campaign_id" name="campaign_id" required>${options}</select></label>
${field({ name: "url", label: "Page address", type: "url", value: form.values.url, hint: "optional: a page on the campaign's shop", maxlength: 2048 })}
${subs}
<button type="submit">Build my link</button>
</form>`,
    opts("/affiliate/portal/links", "Links")
  )
}

export function renderPortalConversions(rows: PortalConversion[], nextCursor: string | null): string {
  const cells = rows.map((c) => [
    escapeHtml(day(c.created_at)),
    escapeHtml(c.campaign_name ?? c.campaign_id),
    `<span class="status ${escapeHtml(c.status)}">${escapeHtml(STATUS_LABEL[c.status] ?? c.status)}</span>`,
    escapeHtml(money(c.order_total, c.order_currency)),
    escapeHtml(money(c.commission_amount, c.commission_currency)),
    c.order_id ? `<code>${escapeHtml(c.order_id)}</code>` : "—",
  ])
  const more = nextCursor ? `<p><a href="/affiliate/portal/conversions?after=${encodeURIComponent(nextCursor)}">Older conversions</a></p>` : ""
  return page(
    `<h1>Your conversions</h1>${table("Your conversions, newest first", ["Day", "Campaign", "Status", "Sale", "Commission", "Order"], cells, "No conversions yet.")}${more}`,
    opts("/affiliate/portal/conversions", "Conversions")
  )
}

export function renderPortalPayouts(payouts: PortalPayout[]): string {
  const body = payouts.length
    ? payouts
        .map((p) => {
          const lines = p.lines.map((l) => [
            escapeHtml(day(l.occurred_at)),
            escapeHtml(l.type === "conversion" ? "Conversion" : "Adjustment"),
            l.order_id ? `<code>${escapeHtml(l.order_id)}</code>` : "—",
            escapeHtml(l.reason ?? ""),
            escapeHtml(money(l.amount, p.currency_code)),
          ])
          return `<section aria-label="Payout of ${escapeHtml(day(p.created_at))}"><h2>${escapeHtml(money(p.amount, p.currency_code))} · <span class="status ${escapeHtml(p.status)}">${escapeHtml(
            STATUS_LABEL[p.status] ?? p.status
          )}</span></h2><p class="hint">Created ${escapeHtml(day(p.created_at))}${p.paid_at ? `, paid ${escapeHtml(day(p.paid_at))}` : ""}${
            p.reference ? `, reference <code>${escapeHtml(p.reference)}</code>` : ""
          }</p>${table("What this payout pays", ["Day", "Line", "Order", "Note", "Amount"], lines, "No lines.")}</section>`
        })
        .join("\n")
    : `<p class="empty">No payouts yet.</p>`
  return page(`<h1>Your payouts</h1>${body}`, opts("/affiliate/portal/payouts", "Payouts"))
}

const FREQUENCY: [value: Me["email_notifications"], label: string][] = [
  ["each", "A mail for each conversion"],
  ["daily", "One daily digest"],
  ["off", "No mails (no payout mails either)"],
]

export function renderPortalAccount(me: Me, details: PayoutDetails | null, form: LinkForm, flash?: string | null): string {
  const current = details
    ? `<p>Now: ${details.method === "paypal" ? `PayPal ${escapeHtml(details.paypal_email)}` : `bank account ${escapeHtml(details.iban)} (${escapeHtml(details.account_name)})`}, saved ${escapeHtml(day(details.updated_at))}.</p>`
    : `<p class="empty">Not given yet: tell us where to pay you.</p>`
  const method = form.values.method ?? details?.method ?? "paypal"
  return page(
    `<h1>Your account</h1>
<p>${escapeHtml(me.name)} · ${escapeHtml(me.email)} · code <span class="code">${escapeHtml(me.code)}</span></p>
<h2 id="mails">Emails about conversions</h2>
<form class="stack" method="post" action="/affiliate/portal/me" aria-labelledby="mails">
<fieldset style="border:0;padding:0;margin:0;display:grid;gap:6px"><legend class="hint">How should we tell you about new conversions?</legend>
${FREQUENCY.map(
  ([value, label]) =>
    `<label class="check" for="en-${value}"><input type="radio" id="en-${value}" name="email_notifications" value="${value}"${me.email_notifications === value ? " checked" : ""}> <span>${label}</span></label>`
).join("")}
</fieldset>
<button type="submit">Save</button>
</form>
<h2 id="payout">Payout details</h2>
${current}
${errorSummary(form.errors)}
<form class="stack" method="post" action="/affiliate/portal/payout-details" aria-labelledby="payout">
<label for="method">Method<select id="method" name="method"><option value="paypal"${method === "paypal" ? " selected" : ""}>PayPal</option><option value="bank"${
      method === "bank" ? " selected" : ""
    }>Bank transfer (IBAN)</option></select></label>
${field({ name: "paypal_email", label: "PayPal email", type: "email", value: form.values.paypal_email, hint: "for PayPal", autocomplete: "email" })}
${field({ name: "iban", label: "IBAN", value: form.values.iban, hint: "for a bank transfer" })}
${field({ name: "account_name", label: "Account holder", value: form.values.account_name, hint: "for a bank transfer", autocomplete: "name" })}
<button type="submit">Save payout details</button>
<p class="hint">Stored encrypted; only the program's admins see them, to pay you.</p>
</form>`,
    opts("/affiliate/portal/me", "Account", flash)
  )
}
