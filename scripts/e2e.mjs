#!/usr/bin/env node
// `npm run test:e2e`: the admin dashboard in real headless Chromium (Debian's `chromium`, driven by
// playwright-core) against the app started as the demo starts it, on a fresh database. Prints
// "N passed, N failed" last and exits non-zero on any failure. Screenshots go to screenshots/.
import { mkdirSync, writeFileSync } from "node:fs"
import pg from "pg"
import { chromium } from "playwright-core"
import { call, prepareCart } from "./bench/store-orders.mjs"
import { ADMIN, startApp } from "./e2e/harness.mjs"
import { partnerTests } from "./e2e/partner.mjs"

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const SHOTS = "screenshots"
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
const T = 30_000

const tests = []
const test = (name, fn) => tests.push({ name, fn })
function assert(cond, message) {
  if (!cond) throw new Error(message)
}

let app, browser, page
const state = {}
const url = (path) => `${app.base}${path}`
// Kept in memory and written after the app stops: `medusa develop` restarts on any new file
// outside dot-folders, and a restart mid-run reloads the dashboard.
const shots = new Map()
const shot = async (name) => shots.set(name, await page.screenshot({ fullPage: true }))
// Screenshots taken in other browser contexts (the statement page, JavaScript off).
const SHOT_PAGES = shots

/** Each call another shopper's browser: one browser through one link within an hour reuses its click (unique clicks). */
let shoppers = 0
const shopperAgent = () => `${BROWSER_UA} shopper/${++shoppers}`

/** A click through the demo affiliate link as a shopper's browser makes it; returns its click_token. */
async function shopperClick() {
  const res = await fetch(url(`/affiliate/click/${app.demo.handle}?aff=${app.demo.affiliate_code}`), {
    redirect: "manual",
    headers: { "User-Agent": shopperAgent() },
  })
  const token = new URL(res.headers.get("location")).searchParams.get("click_token")
  assert(token, `the affiliate link gave no click_token (HTTP ${res.status})`)
  return token
}

async function s2s(apiKey, body) {
  const res = await fetch(url("/integration/s2sConvert"), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-Key": apiKey },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

async function login() {
  // The first load under `medusa develop` has Vite compile the dashboard: give it time.
  await page.goto(url("/app/login"), { waitUntil: "domcontentloaded", timeout: 240_000 })
  await page.locator('input[name="email"]').waitFor({ timeout: 240_000 })
  await page.locator('input[name="email"]').fill(ADMIN.email)
  await page.locator('input[name="password"]').fill(ADMIN.password)
  await page.getByRole("button", { name: "Continue" }).click()
  await page.waitForURL((u) => !u.pathname.includes("/login"), { timeout: T })
  await page.getByRole("link", { name: "Affiliate" }).first().waitFor({ timeout: T })
}

/**
 * A list's region (the DataTable wrapper is labelled like the list). Found by its label rather than
 * its role: while a filter's picker is open (modal), the rest of the page is hidden from the
 * accessibility tree.
 */
const region = (name) => page.locator(`section[aria-label="${name}"]`)

/** Opens the list's filter menu and adds the filter `label`; its value picker opens by itself. */
async function addFilter(list, label) {
  await list.locator('button[aria-haspopup="menu"]').click()
  await page.getByRole("menuitem", { name: label, exact: true }).click()
  // The menu is modal until it has closed: a click on the picker before that is lost.
  await page.getByRole("menu").waitFor({ state: "detached" })
}

/**
 * Picks `option` in the open filter's picker and closes it at once, as a quick hand does, then waits
 * for the list's filter to show the value (a picker closed while the filter had no value drops it).
 */
async function pickFilterOption(list, option) {
  const exactly = new RegExp(`^${option}$`)
  const picker = page.getByRole("dialog")
  await picker.locator('button, [role="listitem"]').filter({ hasText: exactly }).click()
  await page.keyboard.press("Escape")
  await picker.waitFor({ state: "hidden" })
  // The picker is portalled outside the list: the only match inside it is the filter's own value.
  await list.locator("button").filter({ hasText: exactly }).waitFor()
}

/** The conversions table's row for an order. */
const conversionRow = (orderId) => page.getByRole("row").filter({ has: page.locator(`[data-order-id="${orderId}"]`) })

/** The order ids the conversions table shows, once `ready(ids)` holds (the previous rows stay until the new list arrives). */
async function shownOrders(ready) {
  const read = () => page.locator("[data-order-id]").evaluateAll((els) => els.map((e) => e.dataset.orderId))
  const until = Date.now() + T
  let orders = await read()
  while (!ready(orders) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100))
    orders = await read()
  }
  return orders
}

test("log in to the admin", login)

test("campaigns page: four type cards and the campaigns table", async () => {
  await page.getByRole("link", { name: "Affiliate" }).first().click()
  await page.waitForURL(/\/app\/affiliate$/)
  for (const card of ["Banner Campaign", "Text Campaign", "Link Campaign", "Video Campaign"]) {
    await page.getByRole("region", { name: card }).getByRole("button", { name: `Create New ${card}` }).waitFor({ timeout: T })
  }
  const row = page.getByRole("row").filter({ hasText: "Demo Campaign" })
  await row.waitFor({ timeout: T })
  await row.getByText("S2S API").waitFor()
  await shot("01-campaigns")
})

test("conversions: the empty state before any conversion", async () => {
  await page.getByRole("link", { name: "Conversions" }).first().click()
  const list = region("Conversions")
  await list.getByText("No conversions yet", { exact: true }).waitFor({ timeout: T })
  await list.getByText("They appear when a shop reports an order", { exact: false }).waitFor()
  assert((await list.getByRole("table").count()) === 0, "an empty list still shows a table")
  await shot("01b-conversions-empty")
  await page.getByRole("link", { name: "Campaigns" }).first().click()
  await page.waitForURL(/\/app\/affiliate$/, { timeout: T })
})

test("create a campaign: the save-first message turns into key, endpoint, parameters and cURL", async () => {
  await page.getByRole("button", { name: "Create New Banner Campaign" }).click()
  await page.getByRole("tab", { name: "General Settings" }).waitFor({ timeout: T })
  await page.getByLabel("Campaign Name").fill("E2E Summer Banner")
  await page.getByLabel("Target URL").fill("https://shop.example.com/summer")
  assert((await page.getByRole("combobox", { name: "Tool Type" }).textContent()).includes("Sale Integration"), "Tool Type is not Sale Integration")
  await shot("02-campaign-form-general")
  await page.getByRole("tab", { name: "Integration Setup" }).click()
  await page.getByText("Choose Your Integration Method").waitFor()
  await page.getByRole("button", { name: /S2S API \(Server\)/ }).click()
  await page
    .getByText("Save this campaign first. Your API key and endpoint documentation will appear here after saving.", { exact: true })
    .waitFor()
  await shot("03-campaign-form-save-first")
  await page.getByRole("button", { name: "Save", exact: true }).click()
  const key = page.getByTestId("s2s-api-key")
  await key.waitFor({ timeout: T })
  state.key = (await key.textContent()).trim()
  assert(/^s2s_[0-9A-Za-z]{32,}$/.test(state.key), `unexpected API key ${state.key}`)
  assert(page.url().includes("/edit"), "Save left the form")
  state.campaignId = page.url().match(/campaigns\/([^/]+)\/edit/)[1]
  const endpoint = (await page.getByTestId("s2s-endpoint-url").textContent()).trim()
  assert(endpoint === url("/integration/s2sConvert"), `unexpected endpoint ${endpoint}`)
  const table = page.getByRole("table", { name: "Required Parameters" })
  for (const p of ["api_key", "click_token", "order_id", "order_total", "order_currency"]) {
    await table.getByRole("cell", { name: p, exact: true }).waitFor()
  }
  const curl = await page.getByTestId("s2s-example-curl").textContent()
  assert(curl.includes(state.key) && curl.includes(endpoint), "the cURL example lacks the key or the endpoint")
  assert(
    await page.getByText("Save this campaign first.", { exact: false }).count() === 0,
    "the save-first message is still shown"
  )
  await shot("04-campaign-form-integration-setup")
})

test("copy the API key to the clipboard", async () => {
  await page.getByRole("button", { name: "Copy API Key" }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  assert(copied === state.key, `the clipboard holds ${copied}`)
  await page.getByRole("button", { name: "Copy S2S Endpoint URL" }).click()
  assert((await page.evaluate(() => navigator.clipboard.readText())) === url("/integration/s2sConvert"), "endpoint not copied")
})

test("send a test conversion through the real endpoint", async () => {
  await page.getByRole("button", { name: "Send test conversion" }).click()
  const result = page.getByTestId("test-conversion-result")
  await result.waitFor({ timeout: T })
  const text = await result.textContent()
  assert(text.includes("HTTP 200") && text.includes('"success"'), `test conversion answered: ${text}`)
})

/** Checks "Regenerate API Key", confirms with a grace period, and returns the old and the new key. */
async function regenerateKey(graceHours, screenshot) {
  const oldKey = (await page.getByTestId("s2s-api-key").textContent()).trim()
  await page.getByLabel("Regenerate API Key").check()
  await page.getByText("Warning: regenerating invalidates the current key").waitFor()
  const dialog = page.getByRole("alertdialog")
  await dialog.getByLabel(/Grace period/).fill(String(graceHours))
  if (screenshot) await shot(screenshot)
  await dialog.getByRole("button", { name: "Regenerate" }).click()
  await page.waitForFunction(
    (old) => {
      const el = document.querySelector('[data-testid="s2s-api-key"]')
      return el && el.textContent.trim() !== old
    },
    oldKey,
    { timeout: T }
  )
  await dialog.waitFor({ state: "hidden" })
  assert(!(await page.getByLabel("Regenerate API Key").isChecked()), "the checkbox stays checked after regenerating")
  return { oldKey, newKey: (await page.getByTestId("s2s-api-key").textContent()).trim() }
}

test("regenerate the API key: the old key is refused by the endpoint", async () => {
  const { oldKey, newKey } = await regenerateKey(0)
  state.key = newKey
  const body = { click_token: "NoSuchToken000000000000", order_id: "E2E-OLD-KEY", order_total: "10.00", order_currency: "USD" }
  const old = await s2s(oldKey, body)
  assert(old.status === 401, `the old key answered ${old.status} ${JSON.stringify(old.body)}`)
  const fresh = await s2s(state.key, body)
  assert(fresh.status !== 401, `the new key is refused too: ${JSON.stringify(fresh.body)}`)
  await shot("05-campaign-form-regenerated")
})

test("regenerate works on its own while an unrelated field is invalid; the grace period keeps the old key", async () => {
  await page.getByRole("tab", { name: "General Settings" }).click()
  await page.getByLabel("Commission (%)").fill("150")
  await page.getByRole("button", { name: "Save", exact: true }).click()
  await page.getByText(/commission_value must be at most 100/).first().waitFor({ timeout: T })
  await page.getByRole("tab", { name: "Integration Setup" }).click()
  const { oldKey, newKey } = await regenerateKey(2, "05a-regenerate-confirmation")
  state.key = newKey
  await page.getByText("The previous key keeps working until", { exact: false }).waitFor({ timeout: T })
  const body = { click_token: "NoSuchToken000000000000", order_id: "E2E-GRACE-KEY", order_total: "10.00", order_currency: "USD" }
  const old = await s2s(oldKey, body)
  assert(old.status !== 401, `the old key was refused inside its grace period: ${JSON.stringify(old.body)}`)
  const fresh = await s2s(newKey, body)
  assert(fresh.status !== 401, `the new key is refused: ${JSON.stringify(fresh.body)}`)
  await shot("05b-campaign-form-regenerated-with-grace")
  // The unsaved, invalid edit is still there; put the commission back for the next scenarios.
  await page.getByRole("tab", { name: "General Settings" }).click()
  assert((await page.getByLabel("Commission (%)").inputValue()) === "150", "regenerating reset the form")
  await page.getByLabel("Commission (%)").fill("10")
  await page.getByRole("tab", { name: "Integration Setup" }).click()
})

test("Save & Close returns to the campaigns list", async () => {
  await page.getByRole("button", { name: "Save & Close" }).click()
  await page.waitForURL(/\/app\/affiliate$/, { timeout: T })
  await page.getByRole("row").filter({ hasText: "E2E Summer Banner" }).waitFor({ timeout: T })
})

test("open the S2S setup modal from the campaigns table", async () => {
  const row = page.getByRole("row").filter({ hasText: "E2E Summer Banner" })
  await row.getByRole("button", { name: "Open S2S setup" }).click()
  const dialog = page.getByRole("dialog")
  const key = dialog.getByTestId("s2s-api-key")
  await key.waitFor({ timeout: T })
  assert((await key.textContent()).trim() === state.key, "the modal shows another key")
  await dialog.getByTestId("s2s-endpoint-url").waitFor()
  await dialog.getByRole("button", { name: "Copy API Key" }).click()
  assert((await page.evaluate(() => navigator.clipboard.readText())) === state.key, "the modal's copy failed")
  await shot("06-s2s-setup-modal")
  await page.keyboard.press("Escape")
  await dialog.waitFor({ state: "hidden" })
})

test("approve a conversion", async () => {
  const approved = await s2s(app.demo.api_key, {
    click_token: await shopperClick(), order_id: (state.approveOrder = `E2E-APPROVE-${Date.now()}`), order_total: "120.00", order_currency: "USD",
  })
  assert(approved.body.status === "success", `conversion not recorded: ${JSON.stringify(approved.body)}`)
  const rejected = await s2s(app.demo.api_key, {
    click_token: await shopperClick(), order_id: (state.rejectOrder = `E2E-REJECT-${Date.now()}`), order_total: "80.00", order_currency: "USD",
  })
  assert(rejected.body.status === "success", `conversion not recorded: ${JSON.stringify(rejected.body)}`)
  await page.getByRole("link", { name: "Conversions" }).first().click()
  const row = conversionRow(state.approveOrder)
  await row.waitFor({ timeout: T })
  await row.getByText("Pending").waitFor()
  await shot("07-conversions")
  await row.getByRole("button", { name: "Approve" }).click()
  await row.getByText("Approved").waitFor({ timeout: T })
})

test("reject a conversion with a reason", async () => {
  const row = conversionRow(state.rejectOrder)
  await row.getByRole("button", { name: "Reject" }).click()
  await page.getByLabel("Reason").fill("Fraud check failed")
  await page.getByRole("button", { name: "Reject conversion" }).click()
  await row.getByText("Rejected").waitFor({ timeout: T })
  await row.getByText("Fraud check failed").waitFor()
})

test("filter conversions: live or test", async () => {
  await addFilter(region("Conversions"), "Live or test")
  await pickFilterOption(region("Conversions"), "Test")
  const orders = await shownOrders((o) => o.length > 0 && o.every((id) => id.startsWith("TEST-")))
  assert(orders.length && orders.every((o) => o.startsWith("TEST-")), `the test filter shows ${orders}`)
  await shot("08-conversions-filtered")
  await page.getByRole("button", { name: "Clear filters" }).click()
  await shownOrders((o) => o.includes(state.approveOrder))
})

test("filter conversions by status: Approved shows the approved order and hides the rejected one", async () => {
  const list = region("Conversions")
  await addFilter(list, "Status")
  await pickFilterOption(list, "Approved")
  assert(new URL(page.url()).searchParams.get("status") === '["approved"]', `the filter is not in the address: ${page.url()}`)
  const orders = await shownOrders((o) => o.includes(state.approveOrder) && !o.includes(state.rejectOrder))
  assert(orders.includes(state.approveOrder), `the approved order is missing: ${orders}`)
  assert(!orders.includes(state.rejectOrder), `the rejected order is shown: ${orders}`)
  // The first cell is the row's checkbox.
  const statuses = await list.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.cells[8]?.textContent ?? ""))
  assert(statuses.length && statuses.every((s) => s.startsWith("Approved")), `other statuses are shown: ${statuses}`)
  await shot("08b-conversions-by-status")
  await page.getByRole("button", { name: "Clear filters" }).click()
  await shownOrders((o) => o.includes(state.rejectOrder))
})

test("conversions: pagination moves to page 2", async () => {
  // More conversions than a page holds (20), recorded as a shop would.
  for (let i = 0; i < 20; i++) {
    const res = await s2s(app.demo.api_key, {
      click_token: await shopperClick(), order_id: `E2E-PAGE-${Date.now()}-${i}`, order_total: "10.00", order_currency: "USD",
    })
    assert(res.body.status === "success", `conversion not recorded: ${JSON.stringify(res.body)}`)
  }
  const total = await countConversions()
  assert(total > 20, `only ${total} conversions`)
  await page.reload()
  const list = region("Conversions")
  await list.getByText(`20 of ${total} results`).waitFor({ timeout: T })
  const first = await shownOrders((o) => o.length === 20)
  assert(first.length === 20, `page 1 shows ${first.length} rows`)
  await list.getByRole("button", { name: "Next" }).click()
  await list.getByText(`2 of ${Math.ceil(total / 20)} pages`).waitFor({ timeout: T })
  const second = await shownOrders((o) => o.length === Math.min(20, total - 20) && !o.some((id) => first.includes(id)))
  assert(second.length === Math.min(20, total - 20), `page 2 shows ${second.length} rows of ${total}`)
  assert(!second.some((id) => first.includes(id)), "page 2 repeats rows of page 1")
  assert(new URL(page.url()).searchParams.get("offset") === "20", `the page is not in the address: ${page.url()}`)
  await shot("08c-conversions-page-2")
  await list.getByRole("button", { name: "Prev" }).click()
  await shownOrders((o) => o.length === 20 && o.every((id) => first.includes(id)))
})

test("find a failed call in the request log", async () => {
  await s2s("s2s_thisKeyDoesNotExist00000000000000", {
    click_token: "x", order_id: "E2E-BAD-KEY", order_total: "1.00", order_currency: "USD",
  })
  await page.getByRole("link", { name: "Request log" }).first().click()
  const list = region("Request log")
  await list.getByRole("table").waitFor({ timeout: T })
  await addFilter(list, "Outcome")
  await pickFilterOption(list, "Error")
  const row = page.getByRole("row").filter({ has: page.locator('[data-outcome="error"]') }).filter({ hasText: "E2E-BAD-KEY" }).first()
  await row.waitFor({ timeout: T })
  assert(/API key/i.test(await row.textContent()), "the failed call's reason does not name the API key")
  // The rows of the unfiltered list stay until the filtered one arrives.
  const others = page.locator("[data-outcome]:not([data-outcome=error])")
  await others.first().waitFor({ state: "detached", timeout: T }).catch(() => {})
  assert((await others.count()) === 0, "the Error filter shows other outcomes")
  await shot("09-request-log")
})

test("request log: fits a 1440 px window without scrolling sideways", async () => {
  await page.getByRole("button", { name: "Clear filters" }).click()
  const list = region("Request log")
  await list.locator("[data-outcome=success]").first().waitFor({ timeout: T })
  const fit = await list.getByRole("table").evaluate((table) => {
    const scroller = table.parentElement
    return {
      viewport: window.innerWidth,
      tableRight: table.getBoundingClientRect().right,
      scrollWidth: scroller.scrollWidth,
      clientWidth: scroller.clientWidth,
      pageScrollWidth: document.documentElement.scrollWidth,
      columns: table.querySelectorAll("thead th").length,
    }
  })
  assert(fit.viewport === 1440, `the window is ${fit.viewport} px wide`)
  assert(fit.columns === 9, `the table has ${fit.columns} columns`)
  assert(fit.scrollWidth <= fit.clientWidth, `the table scrolls sideways: ${JSON.stringify(fit)}`)
  assert(fit.tableRight <= fit.viewport && fit.pageScrollWidth <= fit.viewport, `the table leaves the window: ${JSON.stringify(fit)}`)
  // A cut value keeps its whole text for the tooltip.
  const requestId = list.locator("td span[title^='req_']").first()
  assert((await requestId.getAttribute("title")) === (await requestId.textContent()), "a request id lost its title")
  await shot("09b-request-log-1440")
})

test("request log: the empty state of a filter that matches nothing", async () => {
  const list = region("Request log")
  await addFilter(list, "Order ID")
  const input = page.getByRole("dialog").getByPlaceholder("ORDER-1001")
  await input.fill("E2E-NO-SUCH-ORDER")
  await input.press("Enter")
  await page.keyboard.press("Escape")
  await list.locator("button").filter({ hasText: /^E2E-NO-SUCH-ORDER$/ }).waitFor()
  await list.getByText("No request matches these filters", { exact: true }).waitFor({ timeout: T })
  assert((await list.locator("[data-outcome]").count()) === 0, "rows are shown for an order that was never logged")
  await shot("09c-request-log-filtered-empty")
})

test("campaign detail: chart over 7, 30 and 90 days", async () => {
  await page.goto(url(`/app/affiliate/campaigns/${app.demo.campaign_id}`))
  await page.getByRole("img", { name: "Clicks and conversions chart" }).waitFor({ timeout: T })
  await page.getByRole("img", { name: "Conversion rate chart" }).waitFor()
  const clicks = await page.getByText(/^Clicks \(30 days\)$/).locator("..").textContent()
  assert(/[1-9]/.test(clicks), `no clicks counted: ${clicks}`)
  await page.getByRole("tab", { name: "7 days" }).click()
  await page.getByText("Clicks (7 days)").waitFor()
  await page.getByRole("tab", { name: "90 days" }).click()
  await page.getByText("Clicks (90 days)").waitFor()
  await shot("10-campaign-detail")
})

test("affiliates: create one and copy its tracking link", async () => {
  await page.getByRole("link", { name: "Affiliates" }).first().click()
  await region("Affiliates").getByRole("table").waitFor({ timeout: T })
  await shot("11-affiliates")
  await page.getByRole("button", { name: "Create" }).click()
  await page.getByLabel("Name").fill("E2E Partner")
  await page.getByLabel("Email").fill("e2e.partner@example.com")
  await page.getByLabel("Code").fill("e2e_partner")
  await page.getByRole("button", { name: "Save" }).click()
  const copy = page.getByRole("button", { name: "Copy tracking link for E2E Summer Banner" })
  await copy.waitFor({ timeout: T })
  await copy.click()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  assert(link.endsWith("?aff=e2e_partner") && link.includes("/affiliate/click/"), `copied ${link}`)
  await shot("12-affiliate-links")
  await page.keyboard.press("Escape")
  await page.getByRole("row").filter({ hasText: "E2E Partner" }).waitFor({ timeout: T })
})

test("order page: the widget shows the order's affiliate attribution", async () => {
  const token = await shopperClick()
  const cartId = await prepareCart(app.base, app.store, token, 1)
  const done = await call(app.base, { "x-publishable-api-key": app.store.publishableKey }, "POST", `/store/carts/${cartId}/complete`)
  assert(done.order?.id, "the cart did not complete into an order")
  await conversionRecorded(done.order.id)
  await page.goto(url(`/app/orders/${done.order.id}`))
  const widget = page.getByLabel("Affiliate attribution")
  await widget.getByText("Demo Campaign").waitFor({ timeout: T })
  await widget.getByText("Demo Partner (demo-partner)").waitFor({ timeout: T })
  await widget.getByText("granted", { exact: false }).first().waitFor({ timeout: T })
  await widget.getByText("Pending").waitFor({ timeout: T })
  await shot("13-order-widget")
})

test("order page: erase the shopper's data from the widget; the conversion keeps its commission", async () => {
  const widget = page.getByLabel("Affiliate attribution")
  await widget.getByRole("button", { name: "Erase shopper data" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Erase" }).click()
  await page.getByText("The order's affiliate data was erased").waitFor({ timeout: T })
  const orderId = page.url().match(/orders\/([^/?#]+)/)[1]
  const row = await query("SELECT user_agent, commission_amount::text AS c FROM affiliate_conversion WHERE order_id = $1", [orderId])
  assert(row[0].user_agent === null && Number(row[0].c) > 0, `after erasure: ${JSON.stringify(row)}`)
  assert((await query("SELECT 1 FROM affiliate_request_log WHERE order_id = $1", [orderId])).length === 0, "request-log entries remain")
  await shot("14-order-erased")
})

test("privacy: retention runs on request and reports what it removed; erasures are listed without whom", async () => {
  // A request-log entry old enough to go, and a click whose details are due to be cleared.
  await query("UPDATE affiliate_request_log SET created_at = now() - interval '200 days' WHERE order_id = 'E2E-BAD-KEY'")
  const token = await shopperClick()
  await query("UPDATE affiliate_click SET expires_at = now() - interval '60 days' WHERE click_token = $1", [token])
  await page.goto(url("/app/affiliate/privacy"))
  const retention = region("Data retention")
  await retention.getByText("Request-log entries are deleted after 90 days.", { exact: false }).waitFor({ timeout: T })
  await retention.getByRole("button", { name: "Run retention now" }).click()
  const run = retention.locator("tbody tr").filter({ hasText: "finished" }).first()
  await run.waitFor({ timeout: T })
  // The list polls while a run is going: read the row once it has settled.
  let cells = []
  for (let i = 0; i < 50 && cells.length < 5; i++) {
    cells = await run.locator("td").allTextContents()
    if (cells.length < 5) await page.waitForTimeout(200)
  }
  assert(Number(cells[3]) >= 1 && Number(cells[4]) >= 1, `the run removed nothing: ${JSON.stringify(cells)}`)
  const [click] = await query("SELECT user_agent, details_cleared_at FROM affiliate_click WHERE click_token = $1", [token])
  assert(click.user_agent === null && click.details_cleared_at, "the expired click kept its details")
  await shot("15-privacy-retention")

  const erasure = region("Erasure on request")
  await erasure.getByLabel("Customer email").fill("nobody.at.all@example.com")
  await erasure.getByRole("button", { name: "Erase…" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Erase" }).click()
  // An erasure that found nothing says so (it must not look like one that worked).
  await page.getByText("Nothing matched: no order was placed with this email", { exact: false }).first().waitFor({ timeout: T })
  await erasure.getByRole("row").filter({ hasText: "Email" }).first().waitFor({ timeout: T })
  assert(!(await erasure.textContent()).includes("nobody.at.all@example.com"), "the erasure list shows whom it was for")
  await shot("16-privacy-erasure")
})

test("request log: a list past 10,000 matches says its total is an estimate", async () => {
  await query(
    `INSERT INTO affiliate_request_log (id, request_id, source, outcome, reason, campaign_id)
     SELECT 'areq_e2e_' || i, 'req_e2e_' || i, 's2s', 'error', 'unknown_click', $1 FROM generate_series(1, 10100) i`,
    [app.demo.campaign_id]
  )
  await query("ANALYZE affiliate_request_log")
  await page.goto(url("/app/affiliate/requests"))
  const list = region("Request log")
  const note = list.locator("[data-count-type=estimate]")
  await note.waitFor({ timeout: T })
  assert(/About [\d,.]+ matches \(an estimate\)/.test(await note.textContent()), `unexpected note: ${await note.textContent()}`)
  await shot("17-request-log-estimate")
})

test("affiliate page: create a promotion code for the affiliate, then a statement link, and copy it", async () => {
  await page.goto(url("/app/affiliate/affiliates"))
  await page.getByRole("link", { name: "Demo Partner" }).click()
  await page.waitForURL(/\/app\/affiliate\/affiliates\/aff_/, { timeout: T })
  state.affiliateUrl = page.url()
  await region("Figures").getByText("Clicks (30 days)").waitFor({ timeout: T })
  const codes = region("Promotion codes")
  await codes.getByLabel("Code", { exact: true }).click()
  await page.getByRole("option", { name: "Create a new promotion" }).click()
  await codes.getByLabel("Promotion code").fill("E2EPARTNER10")
  await codes.getByLabel("Campaign").click()
  await page.getByRole("option", { name: "Demo Campaign" }).click()
  await codes.getByRole("button", { name: "Create promotion" }).click()
  await codes.locator('[data-promotion-code="E2EPARTNER10"]').waitFor({ timeout: T })
  await shot("18-affiliate-page-codes")

  const statement = region("Statement link")
  await statement.getByText("No statement link yet.").waitFor()
  await statement.getByRole("button", { name: "Create statement link" }).click()
  const shown = statement.getByTestId("statement-link-url")
  await shown.waitFor({ timeout: T })
  state.statementUrl = (await shown.textContent()).trim()
  assert(/\/affiliate\/statement\/stm_[0-9A-Za-z]{43}$/.test(state.statementUrl), `unexpected statement link ${state.statementUrl}`)
  await statement.getByRole("button", { name: "Copy statement link" }).click()
  assert((await page.evaluate(() => navigator.clipboard.readText())) === state.statementUrl, "the statement link was not copied")
  await statement.getByText("A link is active", { exact: false }).waitFor({ timeout: T })
  await shot("19-affiliate-page-statement-link")
})

test("order page: an order with the affiliate's code is credited to them without a click, and the widget says why", async () => {
  const h = { "x-publishable-api-key": app.store.publishableKey }
  const address = { first_name: "E2E", last_name: "Shopper", address_1: "1 Main St", city: "Austin", country_code: "us", postal_code: "78701", province: "tx" }
  const { cart } = await call(app.base, h, "POST", "/store/carts", { region_id: app.store.regionId, sales_channel_id: app.store.salesChannelId, email: "coupon@example.com" })
  await call(app.base, h, "POST", `/store/carts/${cart.id}/line-items`, { variant_id: app.store.variantId, quantity: 1 })
  await call(app.base, h, "POST", `/store/carts/${cart.id}/promotions`, { promo_codes: ["E2EPARTNER10"] })
  await call(app.base, h, "POST", `/store/carts/${cart.id}`, { shipping_address: address, billing_address: address })
  await call(app.base, h, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: app.store.shippingOptionId })
  const { payment_collection } = await call(app.base, h, "POST", "/store/payment-collections", { cart_id: cart.id })
  await call(app.base, h, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const done = await call(app.base, h, "POST", `/store/carts/${cart.id}/complete`)
  assert(done.order?.id, "the cart did not complete into an order")
  await conversionRecorded(done.order.id)
  const [row] = await query("SELECT source, promotion_code FROM affiliate_conversion WHERE order_id = $1", [done.order.id])
  assert(row.source === "coupon" && row.promotion_code === "E2EPARTNER10", `recorded ${JSON.stringify(row)}`)
  await page.goto(url(`/app/orders/${done.order.id}`))
  const widget = page.getByLabel("Affiliate attribution")
  await widget.getByText("E2EPARTNER10").waitFor({ timeout: T })
  await widget.getByText("credited to the affiliate whose promotion code the order used").waitFor({ timeout: T })
  await shot("20-order-widget-coupon")
})

test("payouts: pay out the affiliate's balance and mark the payout paid with a reference", async () => {
  await page.goto(url("/app/affiliate/payouts"))
  const balances = region("Balances")
  const row = balances.getByRole("row").filter({ hasText: "Demo Partner" })
  await row.waitFor({ timeout: T })
  await shot("21-payouts-balances")
  await row.getByRole("button", { name: "Pay out" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByTestId("payout-amount").waitFor({ timeout: T })
  const approved = await query(
    "SELECT coalesce(sum(commission_amount), 0)::numeric(20,2)::text AS s FROM affiliate_conversion WHERE status = 'approved' AND NOT is_test"
  )
  const amount = (await drawer.getByTestId("payout-amount").textContent()).replace(/[^0-9.]/g, "")
  assert(amount === approved[0].s, `the payout is ${amount}, the approved commission ${approved[0].s}`)
  await drawer.getByLabel("Transfer reference").fill("E2E-TRF-001")
  await shot("22-payout-drawer")
  await drawer.getByRole("button", { name: "Mark paid" }).click()
  await page.getByText("Payout marked paid", { exact: false }).waitFor({ timeout: T })
  await page.keyboard.press("Escape")
  await region("Payouts").getByRole("row").filter({ hasText: "E2E-TRF-001" }).getByText("Paid").first().waitFor({ timeout: T })
  const paid = await query("SELECT count(*)::int AS n FROM affiliate_conversion WHERE status = 'paid'")
  assert(paid[0].n >= 1, "no conversion is paid")
  await shot("23-payouts-paid")
})

test("conversions: Export CSV downloads the filtered list, formulas neutralised", async () => {
  await page.goto(url(`/app/affiliate/conversions?status=${encodeURIComponent('["paid"]')}`))
  await region("Conversions").getByRole("table").waitFor({ timeout: T })
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()])
  const csv = await (await import("node:fs/promises")).readFile(await download.path(), "utf8")
  const lines = csv.split("\r\n").filter(Boolean)
  assert(lines[0].startsWith("id,created_at,occurred_at,campaign_id,campaign_name"), `unexpected header ${lines[0]}`)
  const paid = await query("SELECT count(*)::int AS n FROM affiliate_conversion WHERE status = 'paid'")
  assert(lines.length - 1 === paid[0].n, `${lines.length - 1} rows for ${paid[0].n} paid conversions`)
  assert(/^conversions-\d{4}-\d{2}-\d{2}\.csv$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`)
})

/** Opens the statement in its own browser context with JavaScript off: the page must not need any. */
async function statementPage(viewport, options = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: false, ...options })
  const statement = await context.newPage()
  const res = await statement.goto(state.statementUrl, { timeout: T })
  return { context, statement, status: res.status() }
}

test("statement page: the affiliate's numbers without JavaScript, at desktop width", async () => {
  const { context, statement, status } = await statementPage({ width: 1440, height: 900 })
  try {
    assert(status === 200, `the statement answered ${status}`)
    await statement.getByRole("heading", { name: /Demo Partner/ }).waitFor({ timeout: T })
    const json = await (await fetch(state.statementUrl, { headers: { Accept: "application/json" } })).json()
    const clicks = json.series.reduce((a, p) => a + p.clicks, 0)
    const cardClicks = (await statement.locator(".card").filter({ hasText: "Clicks" }).locator(".value").textContent()).replace(/,/g, "")
    assert(Number(cardClicks) === clicks && clicks > 0, `the page shows ${cardClicks} clicks, the JSON ${clicks}`)
    await statement.getByText("Payouts", { exact: true }).waitFor()
    await statement.getByText("E2E-TRF-001").waitFor()
    assert((await statement.locator("script").count()) === 0, "the statement page has a script")
    assert(!(await statement.content()).includes("Mozilla/5.0"), "the statement shows a user agent")
    SHOT_PAGES.set("24-statement-desktop", await statement.screenshot({ fullPage: true }))
  } finally {
    await context.close()
  }
})

test("statement page: fits a phone without scrolling sideways", async () => {
  const { context, statement } = await statementPage({ width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  try {
    await statement.getByRole("heading", { name: /Demo Partner/ }).waitFor({ timeout: T })
    const box = await statement.locator("main").boundingBox()
    assert(box && box.width <= 390, `the page is ${box?.width} px wide on a 390 px phone`)
    for (const link of await statement.locator(".links code").all()) {
      const b = await link.boundingBox()
      assert(b.x + b.width <= 390, "a tracking link runs off the screen")
    }
    SHOT_PAGES.set("25-statement-phone", await statement.screenshot({ fullPage: true }))
  } finally {
    await context.close()
  }
})

test("statement link: revoking it from the affiliate page makes the page answer 404", async () => {
  await page.goto(state.affiliateUrl)
  const statement = region("Statement link")
  await statement.getByRole("button", { name: "Revoke" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click()
  await statement.getByText("No statement link yet.").waitFor({ timeout: T })
  const { context, statement: revoked, status } = await statementPage({ width: 390, height: 844 })
  try {
    assert(status === 404, `the revoked link answered ${status}`)
    await revoked.getByText("Statement not found").waitFor({ timeout: T })
    assert(!(await revoked.content()).includes("Demo Partner"), "the 404 page names the affiliate")
  } finally {
    await context.close()
  }
})

/** A click through the demo affiliate's link in another campaign (by its handle); returns its click_token. */
async function clickIn(handle) {
  const res = await fetch(url(`/affiliate/click/${handle}?aff=${app.demo.affiliate_code}`), { redirect: "manual", headers: { "User-Agent": shopperAgent() } })
  const token = new URL(res.headers.get("location")).searchParams.get("click_token")
  assert(token, `the ${handle} link gave no click_token (HTTP ${res.status})`)
  return token
}

/** A pending conversion in the demo campaign (or `key`'s), reported by S2S as a shop would. */
async function reportSale(orderId, extra = {}, { key = app.demo.api_key, token } = {}) {
  const res = await s2s(key, { click_token: token ?? (await shopperClick()), order_id: orderId, order_currency: "USD", ...extra })
  assert(res.body.status === "success", `${orderId} not recorded: ${JSON.stringify(res.body)}`)
  return res.body.conversion_id
}

/** The items the rules and the preview scenarios price: apparel, a gift card, and an item no rule matches. */
const BASKET = [
  { sku: "TSHIRT-M", item_value: "100.00", category: "apparel" },
  { sku: "GIFT-50", item_value: "50.00", category: "gift-cards" },
  { sku: "MUG", item_value: "20.00" },
]

const ruleGroup = (n) => page.getByRole("group", { name: `Rule ${n}`, exact: true })

test("S2S setup: the parameter table and the example cURL show items and customer_type, and the example is accepted as it is", async () => {
  await page.goto(url(`/app/affiliate/campaigns/${app.demo.campaign_id}/edit?tab=integration`))
  const table = page.getByRole("table", { name: "Required Parameters" })
  for (const p of ["items", "customer_type"]) await table.getByRole("cell", { name: p, exact: true }).waitFor({ timeout: T })
  const curl = await page.getByTestId("s2s-example-curl").textContent()
  const body = JSON.parse(curl.match(/-d '(.*)'$/m)[1])
  assert(body.customer_type === "new" && Array.isArray(body.items) && body.items.length === 2, `the example body is ${JSON.stringify(body)}`)
  const sent = await s2s(app.demo.api_key, { ...body, click_token: await shopperClick(), order_id: `E2E-CURL-${Date.now()}` })
  assert(sent.status === 200 && sent.body.status === "success", `the example was refused: ${JSON.stringify(sent.body)}`)
  await page.getByTestId("s2s-example-curl").scrollIntoViewIfNeeded()
  await shot("26-s2s-setup-items")
})

test("commission rules: add two, a refusal shown at its field, reorder with the keyboard, save; they are there after a reload", async () => {
  await page.goto(url(`/app/affiliate/campaigns/${app.demo.campaign_id}/edit?tab=rules`))
  await page.getByText("No rules: every item earns the campaign's commission.").waitFor({ timeout: T })
  await page.getByRole("button", { name: "Add rule" }).click()
  await ruleGroup(1).getByLabel("Name").fill("Apparel for new customers")
  await ruleGroup(1).getByLabel("Commission (%)").fill("15")
  await ruleGroup(1).getByLabel("Category handles").fill("apparel")
  await ruleGroup(1).getByLabel("Customer type").click()
  await page.getByRole("option", { name: "New customers" }).click()
  await page.getByRole("button", { name: "Add rule" }).click()
  await ruleGroup(2).getByLabel("Name").fill("Gift cards")
  await ruleGroup(2).getByLabel("Commission (%)").fill("150")
  await ruleGroup(2).getByLabel("Category handles").fill("gift-cards")
  await page.getByRole("button", { name: "Save", exact: true }).click()
  // The API names the rule and field; the form shows it under that field, and the tab stays.
  const problem = ruleGroup(2).locator("[data-field-error]")
  await problem.waitFor({ timeout: T })
  assert(/commission_rules\[1\]\.commission_value must be at most 100/.test(await problem.textContent()), `the error reads ${await problem.textContent()}`)
  assert((await ruleGroup(2).getByLabel("Commission (%)").getAttribute("aria-invalid")) === "true", "the field is not marked invalid")
  assert((await ruleGroup(1).locator("[data-field-error]").count()) === 0, "rule 1 shows an error")
  await shot("27-commission-rules-refused")
  await ruleGroup(2).getByLabel("Commission (%)").fill("0")

  // Gift cards first: a rule of 0 must win before anything else matches them.
  await ruleGroup(2).getByRole("button", { name: "Move rule 2 up" }).focus()
  await page.keyboard.press("Enter")
  assert((await ruleGroup(1).getByLabel("Name").inputValue()) === "Gift cards", "the rule did not move up")
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))
  assert(focused === "Move rule 1 down", `focus went to ${focused}`)
  await page.getByRole("button", { name: "Save", exact: true }).click()
  await page.getByText("Campaign saved").first().waitFor({ timeout: T })

  await page.reload()
  await ruleGroup(1).getByLabel("Name").waitFor({ timeout: 120_000 })
  assert((await ruleGroup(1).getByLabel("Name").inputValue()) === "Gift cards", "rule 1 after a reload")
  assert((await ruleGroup(1).getByLabel("Commission (%)").inputValue()) === "0", "rule 1's rate after a reload")
  assert((await ruleGroup(2).getByLabel("Name").inputValue()) === "Apparel for new customers", "rule 2 after a reload")
  assert((await ruleGroup(2).getByLabel("Category handles").inputValue()) === "apparel", "rule 2's category after a reload")
  assert((await ruleGroup(2).getByLabel("Customer type").textContent()).includes("New customers"), "rule 2's customer type after a reload")
  const [row] = await query("SELECT commission_rules FROM affiliate_campaign WHERE id = $1", [app.demo.campaign_id])
  const stored = row.commission_rules.map((r) => `${r.name}:${r.commission_value}:${JSON.stringify(r.match)}`)
  assert(
    JSON.stringify(stored) === JSON.stringify(['Gift cards:0:{"category":["gift-cards"]}', 'Apparel for new customers:15:{"category":["apparel"],"customer_type":"new"}']),
    `stored ${JSON.stringify(stored)}`
  )
  await shot("28-commission-rules")

  // Made flat (unsaved), the campaign pays per conversion: new rules offer no item keys, and the
  // API names the item keys the rules still have, next to them.
  await page.getByRole("tab", { name: "General Settings" }).click()
  await page.getByLabel("Commission Type").click()
  await page.getByRole("option", { name: "Flat amount per order" }).click()
  await page.getByLabel("Currency").fill("usd")
  await page.getByRole("tab", { name: /Commission Rules/ }).click()
  await page.getByRole("button", { name: "Add rule" }).click()
  assert((await ruleGroup(3).getByLabel("SKUs").count()) === 0, "a flat campaign's new rule offers SKUs")
  await ruleGroup(3).getByLabel("Amount (USD)").fill("2.00")
  await ruleGroup(1).getByText("Not for a campaign that pays per conversion: clear it.").waitFor()
  await page.getByRole("button", { name: "Save", exact: true }).click()
  const flatProblem = ruleGroup(2).locator("[data-field-error]")
  await flatProblem.waitFor({ timeout: T })
  assert(/commission_rules\[1\]\.match\.category: a flat campaign pays per conversion/.test(await flatProblem.textContent()), `the error reads ${await flatProblem.textContent()}`)
  await flatProblem.scrollIntoViewIfNeeded()
  await shot("28b-commission-rules-flat-refused")
  const [unchanged] = await query("SELECT commission_type FROM affiliate_campaign WHERE id = $1", [app.demo.campaign_id])
  assert(unchanged.commission_type === "percentage", "the refused save changed the campaign")
})

test("what would this order earn: each item's rate, rule and commission, and the total", async () => {
  await page.goto(url(`/app/affiliate/campaigns/${app.demo.campaign_id}`))
  const preview = page.getByRole("region", { name: "What would this order earn" })
  await preview.waitFor({ timeout: T })
  for (const [i, item] of BASKET.entries()) {
    if (i) await preview.getByRole("button", { name: "Add item" }).click()
    await preview.getByLabel(`Item ${i + 1} SKU`).fill(item.sku)
    await preview.getByLabel(`Item ${i + 1} Value`).fill(item.item_value)
    if (item.category) await preview.getByLabel(`Item ${i + 1} Categories`).fill(item.category)
  }
  await preview.getByLabel("Customer type").click()
  await page.getByRole("option", { name: "New customer", exact: true }).click()
  await preview.getByRole("button", { name: "Preview commission" }).click()
  const result = preview.getByTestId("commission-preview-result")
  await result.waitFor({ timeout: T })
  const expected = { "TSHIRT-M": ["15%", "Apparel for new customers", "$15.00"], "GIFT-50": ["0%", "Gift cards", "$0.00"], MUG: ["10%", "Campaign rate", "$2.00"] }
  for (const [sku, texts] of Object.entries(expected)) {
    const text = await result.getByRole("row").filter({ hasText: sku }).textContent()
    for (const t of texts) assert(text.includes(t), `${sku}'s row reads ${text}, without ${t}`)
  }
  await result.scrollIntoViewIfNeeded()
  const total = await result.getByRole("group", { name: "Totals" }).getByText("Commission", { exact: true }).locator("..").textContent()
  assert(total.includes("$17.00"), `the total reads ${total}`)
  await shot("29-commission-preview")
})

test("conversion detail: each item with its rule and commission, the customer type, and the history", async () => {
  state.itemsOrder = `E2E-ITEMS-${Date.now()}`
  await reportSale(state.itemsOrder, { customer_type: "new", items: BASKET })
  // The shop takes the mug back through its own validation call.
  const res = await fetch(url("/integration/s2sValidate"), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-Key": app.demo.api_key },
    body: JSON.stringify({ conversions: [{ order_id: state.itemsOrder, items: [{ sku: "MUG", status: "rejected", reason: "Mug returned" }] }] }),
  })
  const answer = await res.json()
  assert(answer.results?.[0]?.result === "updated", `s2sValidate answered ${JSON.stringify(answer)}`)
  await page.goto(url("/app/affiliate/conversions"))
  await page.getByRole("link", { name: `Open conversion ${state.itemsOrder}` }).click()
  const drawer = page.getByRole("dialog", { name: `Conversion ${state.itemsOrder}` })
  await drawer.waitFor({ timeout: T })
  const items = drawer.getByRole("region", { name: "Items" })
  // The items come with the conversion, their rules' names with the campaign's rules, a moment later.
  await items.getByText("Apparel for new customers").first().waitFor({ timeout: T }).catch(() => {})
  const tshirt = await items.getByRole("row").filter({ hasText: "TSHIRT-M" }).textContent({ timeout: T })
  assert(tshirt.includes("Apparel for new customers") && tshirt.includes("$15.00"), `TSHIRT-M reads ${tshirt}`)
  const gift = await items.getByRole("row").filter({ hasText: "GIFT-50" }).textContent()
  assert(gift.includes("Gift cards") && gift.includes("$0.00"), `GIFT-50 reads ${gift}`)
  const mug = await items.getByRole("row").filter({ hasText: "MUG" }).textContent()
  assert(mug.includes("Campaign rate") && mug.includes("Rejected"), `MUG reads ${mug}`)
  assert((await drawer.getByText("Customer", { exact: true }).locator("..").textContent()).includes("New"), "the customer type is not shown")
  const history = drawer.getByRole("region", { name: "History" })
  const change = history.getByRole("row").filter({ hasText: "Mug returned" }).first()
  await change.waitFor({ timeout: T })
  assert((await change.textContent()).includes("Shop (S2S API)"), `the change reads ${await change.textContent()}`)
  await shot("30-conversion-detail")
  await page.keyboard.press("Escape")
  await drawer.waitFor({ state: "hidden" })
})

test("order widget: each item with its rule and commission", async () => {
  const cartId = await prepareCart(app.base, app.store, await shopperClick(), 2)
  const done = await call(app.base, { "x-publishable-api-key": app.store.publishableKey }, "POST", `/store/carts/${cartId}/complete`)
  await conversionRecorded(done.order.id)
  const [item] = await query(
    "SELECT i.sku FROM affiliate_conversion_item i JOIN affiliate_conversion c ON c.id = i.conversion_id WHERE c.order_id = $1",
    [done.order.id]
  )
  assert(item?.sku, "the order's conversion has no item")
  await page.goto(url(`/app/orders/${done.order.id}`))
  const widget = page.getByLabel("Affiliate attribution")
  const line = widget.locator(`[data-item-sku="${item.sku}"]`)
  await line.waitFor({ timeout: T })
  const text = await line.textContent()
  assert(text.includes("Campaign rate") && /\$\d+\.\d\d/.test(text), `the item reads ${text}`)
  await widget.getByText("Customer", { exact: true }).waitFor()
  await line.scrollIntoViewIfNeeded()
  await shot("31-order-widget-items")
})

test("bulk review: approve selected rows of two campaigns with one reason, then reject some; a row that cannot be approved says why", async () => {
  const stamp = Date.now()
  const orders = { a: `E2E-BULK-A-${stamp}`, b: `E2E-BULK-B-${stamp}`, other: `E2E-BULK-C-${stamp}`, reversed: `E2E-BULK-R-${stamp}` }
  await reportSale(orders.a, { order_total: "40.00" })
  await reportSale(orders.b, { order_total: "60.00" })
  await reportSale(orders.reversed, { order_total: "10.00" })
  await query("UPDATE affiliate_conversion SET status = 'reversed' WHERE order_id = $1", [orders.reversed])
  // The campaign the first scenarios created, with its own key and link.
  const [summer] = await query("SELECT handle FROM affiliate_campaign WHERE id = $1", [state.campaignId])
  await reportSale(orders.other, { order_total: "25.00" }, { key: state.key, token: await clickIn(summer.handle) })

  await page.goto(url("/app/affiliate/conversions"))
  // With its checkboxes and row actions, the list still fits a 1440 px window.
  const list = region("Conversions")
  await list.locator(`[data-order-id="${orders.a}"]`).waitFor({ timeout: T })
  const fit = await list.getByRole("table").evaluate((table) => ({
    scrollWidth: table.parentElement.scrollWidth,
    clientWidth: table.parentElement.clientWidth,
    pageScrollWidth: document.documentElement.scrollWidth,
  }))
  for (const o of Object.values(orders)) await page.getByRole("checkbox", { name: `Select order ${o}` }).click({ timeout: T })
  const bar = page.locator("[data-radix-popper-content-wrapper]").filter({ hasText: "4 selected" })
  await bar.waitFor({ timeout: T })
  await shot("32-conversions-selected")
  await bar.getByRole("button", { name: /^Approve/ }).click()
  const drawer = page.getByRole("dialog", { name: "Approve 4 conversions" })
  await drawer.getByText("In 2 campaigns", { exact: false }).waitFor({ timeout: T })
  await drawer.getByLabel("Reason (optional)").fill("Delivered and kept")
  await drawer.getByRole("button", { name: "Approve 4 conversions" }).click()
  const outcome = drawer.getByTestId("bulk-review-outcome")
  await outcome.getByText("3 updated, 0 unchanged, 1 failed").waitFor({ timeout: T })
  const failed = drawer.getByRole("list", { name: "Failed rows" }).getByRole("listitem")
  assert((await failed.count()) === 1 && (await failed.textContent()).includes(orders.reversed), `failed rows: ${await failed.allTextContents()}`)
  assert((await failed.textContent()).length > orders.reversed.length + 5, "the failed row says nothing about why")
  await shot("33-bulk-approve-outcome")
  await drawer.getByRole("button", { name: "Close" }).first().click()
  await drawer.waitFor({ state: "hidden" })
  for (const o of [orders.a, orders.b, orders.other]) await conversionRow(o).getByText("Approved").waitFor({ timeout: T })
  const approved = await query(
    "SELECT c.order_id, h.actor, h.reason FROM affiliate_conversion c JOIN affiliate_conversion_change h ON h.conversion_id = c.id WHERE c.order_id = ANY($1) AND h.field = 'status' AND h.to_value = 'approved'",
    [[orders.a, orders.b, orders.other]]
  )
  assert(approved.length === 3 && approved.every((r) => r.actor.startsWith("user:") && r.reason === "Delivered and kept"), `history: ${JSON.stringify(approved)}`)
  assert((await page.locator("[data-radix-popper-content-wrapper]").filter({ hasText: "selected" }).count()) === 0, "the selection outlived the review")

  for (const o of [orders.a, orders.other]) await page.getByRole("checkbox", { name: `Select order ${o}` }).click()
  await page.locator("[data-radix-popper-content-wrapper]").filter({ hasText: "2 selected" }).getByRole("button", { name: /^Reject/ }).click()
  const reject = page.getByRole("dialog", { name: "Reject 2 conversions" })
  await reject.getByRole("button", { name: "Reject 2 conversions" }).click()
  await page.getByText("Give a reason for the rejection").first().waitFor({ timeout: T })
  await reject.getByLabel("Reason", { exact: true }).fill("Returned")
  await reject.getByRole("button", { name: "Reject 2 conversions" }).click()
  await reject.getByTestId("bulk-review-outcome").getByText("2 updated, 0 unchanged, 0 failed").waitFor({ timeout: T })
  await reject.getByRole("button", { name: "Close" }).first().click()
  for (const o of [orders.a, orders.other]) {
    await conversionRow(o).getByText("Rejected").waitFor({ timeout: T })
    await conversionRow(o).getByText("Returned").waitFor()
  }
  await conversionRow(orders.b).getByText("Approved").waitFor()
  await shot("34-bulk-reject")
  assert(fit.scrollWidth <= fit.clientWidth && fit.pageScrollWidth <= 1440, `the conversions table scrolls sideways: ${JSON.stringify(fit)}`)
})

test("validate from CSV: refusals in the API's words, the dry run's preview, then apply", async () => {
  const stamp = Date.now()
  const orders = { approve: `E2E-CSV-A-${stamp}`, reject: `E2E-CSV-R-${stamp}` }
  await reportSale(orders.approve, { order_total: "30.00" })
  await reportSale(orders.reject, { order_total: "45.00" })
  await page.goto(url("/app/affiliate/conversions"))
  await page.getByRole("button", { name: "Validate from CSV" }).click()
  const drawer = page.getByRole("dialog", { name: "Validate from CSV" })
  await drawer.getByLabel("Campaign").click()
  await page.getByRole("option", { name: "Demo Campaign" }).click()
  const file = drawer.getByLabel("CSV file")
  const upload = (name, text) => file.setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) })
  const refusal = drawer.getByTestId("validate-csv-refusal")

  await upload("colours.csv", "order_id,colour\nX-1,red\n")
  await drawer.getByRole("button", { name: "Preview" }).click()
  await refusal.getByText("Unknown column colour: the columns are order_id, status, reason, order_total").waitFor({ timeout: T })
  await upload("latin1.csv", Buffer.concat([Buffer.from("order_id,status,reason\nX-1,rejected,retourn"), Buffer.from([0xe9]), Buffer.from("\n")]))
  assert((await refusal.count()) === 0, "a new file keeps the old refusal")
  await drawer.getByRole("button", { name: "Preview" }).click()
  await refusal.getByText("The file is not UTF-8", { exact: false }).waitFor({ timeout: T })
  await shot("35-validate-csv-refused")

  const csv = `order_id,status,reason\n${orders.approve},approved,\n${orders.reject},rejected,Returned in store\nE2E-NO-SUCH-ORDER,approved,\n`
  await upload("validation.csv", csv)
  await drawer.getByRole("button", { name: "Preview" }).click()
  const preview = drawer.getByTestId("validate-csv-preview")
  await preview.getByText("2 to update, 0 unchanged, 1 failed").waitFor({ timeout: T })
  const missing = await preview.getByRole("row").filter({ hasText: "E2E-NO-SUCH-ORDER" }).textContent()
  assert(missing.includes("Not found"), `the unknown order reads ${missing}`)
  const still = await query("SELECT status FROM affiliate_conversion WHERE order_id = ANY($1)", [[orders.approve, orders.reject]])
  assert(still.every((r) => r.status === "pending"), `the preview changed something: ${JSON.stringify(still)}`)
  await shot("36-validate-csv-preview")

  await drawer.getByRole("button", { name: "Apply" }).click()
  const applied = drawer.getByTestId("validate-csv-applied")
  await applied.getByText("2 updated, 0 unchanged, 1 failed").waitFor({ timeout: T })
  const after = Object.fromEntries((await query("SELECT order_id, status FROM affiliate_conversion WHERE order_id = ANY($1)", [[orders.approve, orders.reject]])).map((r) => [r.order_id, r.status]))
  assert(after[orders.approve] === "approved" && after[orders.reject] === "rejected", `after applying: ${JSON.stringify(after)}`)
  await shot("37-validate-csv-applied")
  await drawer.getByRole("button", { name: "Close" }).first().click()
  await conversionRow(orders.reject).getByText("Returned in store").waitFor({ timeout: T })
})

/** Follows the demo link as a browser whose agent is `ua`, with `headers` (a CDN's country, a referrer). */
async function visitFrom(ua, headers = {}) {
  const res = await fetch(url(`/affiliate/click/${app.demo.handle}?aff=${app.demo.affiliate_code}`), { redirect: "manual", headers: { "User-Agent": ua, ...headers } })
  return new URL(res.headers.get("location")).searchParams.get("click_token")
}

test("review queue: held conversions with their signals; approve one, reject one with a reason, trust the affiliate for a signal", async () => {
  // Reported right after their clicks: each raises fast_conversion and waits in the queue.
  const stamp = Date.now()
  const orders = { approve: `E2E-HELD-A-${stamp}`, reject: `E2E-HELD-R-${stamp}`, trust: `E2E-HELD-T-${stamp}` }
  for (const [i, order] of Object.values(orders).entries()) {
    await reportSale(order, { order_total: "40.00" }, { token: await visitFrom(`${BROWSER_UA} held/${stamp}/${i}`) })
  }
  await page.goto(url("/app/affiliate/conversions/review"))
  const card = (order) => page.locator(`[data-queued="${order}"]`)
  for (const order of Object.values(orders)) await card(order).waitFor({ timeout: T })
  await card(orders.trust).locator('[data-signal="fast_conversion"]').getByText(/Converted \d+ s after the click/).waitFor({ timeout: T })
  const tab = await page.getByRole("navigation", { name: "Conversions" }).getByRole("link", { name: /Review queue/ }).textContent()
  assert(/\d/.test(tab), `the Review queue tab shows no count: ${tab}`)
  await shot("38-review-queue")

  // The drawer shows the signals.
  await card(orders.approve).getByRole("button", { name: /Order/ }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByRole("heading", { name: "Fraud signals" }).waitFor({ timeout: T })
  await drawer.getByText("Held for review: the hold period will not approve it.").waitFor({ timeout: T })
  await shot("39-conversion-drawer-signals")
  await page.keyboard.press("Escape")

  await card(orders.approve).getByRole("button", { name: "Approve", exact: true }).click()
  await card(orders.approve).waitFor({ state: "detached", timeout: T })
  await card(orders.reject).getByRole("button", { name: "Reject", exact: true }).click()
  await page.getByLabel("Reason").fill("Ordered by the partner's own staff")
  await page.getByRole("button", { name: "Reject conversion" }).click()
  await card(orders.reject).waitFor({ state: "detached", timeout: T })

  await card(orders.trust).getByRole("button", { name: "Trust this affiliate for this signal" }).click()
  await page.getByRole("button", { name: "Trust", exact: true }).click()
  await card(orders.trust).waitFor({ state: "detached", timeout: T })
  await shot("40-review-queue-after")

  const rows = Object.fromEntries((await query("SELECT order_id, status, status_reason, flagged FROM affiliate_conversion WHERE order_id = ANY($1)", [Object.values(orders)])).map((r) => [r.order_id, r]))
  assert(rows[orders.approve].status === "approved", `approve: ${JSON.stringify(rows[orders.approve])}`)
  assert(rows[orders.reject].status === "rejected" && rows[orders.reject].status_reason === "Ordered by the partner's own staff", `reject: ${JSON.stringify(rows[orders.reject])}`)
  assert(rows[orders.trust].status === "pending" && rows[orders.trust].flagged === false, `trust: ${JSON.stringify(rows[orders.trust])}`)

  // The affiliate's page lists the trust; stop trusting, so later scenarios see the signal again.
  const [affiliate] = await query("SELECT id FROM affiliate WHERE code = $1", [app.demo.affiliate_code])
  await page.goto(url(`/app/affiliate/affiliates/${affiliate.id}`))
  await page.getByRole("heading", { name: "Trusted for" }).waitFor({ timeout: T })
  await page.getByRole("cell", { name: "Fast conversion" }).waitFor({ timeout: T })
  await page.getByRole("button", { name: "Stop trusting" }).click()
  await page.getByText("Revoked", { exact: false }).first().waitFor({ timeout: T })
})

test("review queue: Next and Previous page through more than 20 held conversions, in the address", async () => {
  const stamp = Date.now()
  const orders = Array.from({ length: 21 }, (_, i) => `E2E-PAGED-${stamp}-${i}`)
  for (const [i, order] of orders.entries()) await reportSale(order, { order_total: "10.00" }, { token: await visitFrom(`${BROWSER_UA} paged/${stamp}/${i}`) })
  await page.goto(url("/app/affiliate/conversions/review"))
  // The newest first: the last one reported is on the first page, and leaves it on the next.
  const newest = page.locator(`[data-queued="${orders[20]}"]`)
  await newest.waitFor({ timeout: T })
  await page.getByRole("button", { name: "Next", exact: true }).click()
  await page.waitForURL(/[?&]offset=20\b/, { timeout: T })
  await newest.waitFor({ state: "detached", timeout: T })
  await page.getByRole("button", { name: "Previous", exact: true }).click()
  await page.waitForURL((u) => !new URL(u).searchParams.has("offset"), { timeout: T })
  await newest.waitFor({ timeout: T })
  // Out of the queue again for the scenarios after this one.
  await query("UPDATE affiliate_conversion SET flagged = false WHERE order_id = ANY($1)", [orders])
})

test("where traffic comes from: the campaign page charts clicks by country, device and referring site", async () => {
  const stamp = Date.now()
  const visits = [
    ["DE", "https://blog.example.org/review"],
    ["DE", "https://blog.example.org/review"],
    ["US", "https://news.example.net/"],
    ["FR", null],
  ]
  for (const [i, [country, referrer]] of visits.entries()) {
    await visitFrom(`${BROWSER_UA} traffic/${stamp}/${i}`, { "CF-IPCountry": country, ...(referrer ? { Referer: referrer } : {}) })
  }
  await page.goto(url(`/app/affiliate/campaigns/${app.demo.campaign_id}`))
  const section = page.locator('[aria-label="Where traffic comes from"]')
  await section.locator('[data-bar="DE"]').waitFor({ timeout: T })
  await section.locator('[data-bar="US"]').waitFor({ timeout: T })
  await section.scrollIntoViewIfNeeded()
  await shot("41-traffic-by-country")
  await section.getByRole("tab", { name: "Referring site" }).click()
  await section.locator('[data-bar="blog.example.org"]').waitFor({ timeout: T })
  await shot("42-traffic-by-referrer")
})

partnerTests(test, {
  assert,
  T,
  page: () => page,
  browser: () => browser,
  app: () => app,
  url: (path) => url(path),
  query: (sql, params) => query(sql, params),
  shots: SHOT_PAGES,
})

/** Runs one SQL statement on the app's database. */
async function query(sql, params = []) {
  const db = new pg.Client({ connectionString: app.env.DATABASE_URL })
  await db.connect()
  try {
    return (await db.query(sql, params)).rows
  } finally {
    await db.end()
  }
}

/** The order.placed subscriber runs after the checkout answers: wait for its conversion. */
async function conversionRecorded(orderId) {
  for (let i = 0; i < 100; i++) {
    if ((await query("SELECT 1 FROM affiliate_conversion WHERE order_id = $1", [orderId])).length) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no conversion recorded for ${orderId}`)
}

async function countConversions() {
  return Number((await query("SELECT count(*) FROM affiliate_conversion WHERE deleted_at IS NULL"))[0].count)
}

/** Waits until the server answers /health (it may be restarting). */
async function ready() {
  const until = Date.now() + 180_000
  while (Date.now() < until) {
    try {
      if ((await fetch(url("/health"))).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error("the server stopped answering /health")
}

/** Whether the dev server restarted since the last check (its restart count from the harness). */
let seenRestarts = 0
async function restarted() {
  const now = app.restarts()
  const changed = now !== seenRestarts
  seenRestarts = now
  return changed
}

let passed = 0
let failed = 0
try {
  mkdirSync(SHOTS, { recursive: true })
  const t0 = Date.now()
  // The partner scenario's webhook receiver listens on loopback, which the target guard refuses by default.
  app = await startApp({ log: (m) => console.log(`[e2e] ${m}`), env: { AFFILIATE_ALLOW_PRIVATE_TARGETS: "true" } })
  console.log(
    `[e2e] app up at ${app.base}: setup ${app.timings.setupSeconds.toFixed(1)} s, medusa develop ${app.timings.bootSeconds.toFixed(1)} s`
  )
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  })
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.base })
  page = await context.newPage()
  page.setDefaultTimeout(T)
  page.on("pageerror", (e) => console.log(`[browser] ${String(e).slice(0, 300)}`))
  let skipRest = false
  for (const t of tests) {
    const start = Date.now()
    if (skipRest) {
      failed++
      console.log(`✗ ${t.name} (skipped: an earlier step failed)`)
      continue
    }
    try {
      await ready()
      try {
        await t.fn()
      } catch (first) {
        // `medusa develop` restarts when a file in the tree changes (someone editing while this runs):
        // wait for it and try the scenario once more, from a fresh page load.
        if (!(await restarted())) throw first
        console.log(`  (the dev server restarted during "${t.name}": retrying once)`)
        await ready()
        // Sessions live in memory without Redis: a restart logs the admin out.
        const where = page.url().includes("/app/") && !page.url().includes("/login") ? page.url() : url("/app/affiliate")
        await login()
        await page.goto(where, { timeout: 120_000 })
        await t.fn()
      }
      passed++
      console.log(`✓ ${t.name} (${Date.now() - start} ms)`)
    } catch (e) {
      failed++
      console.log(`✗ ${t.name}\n    ${String(e?.message ?? e).split("\n").slice(0, 6).join("\n    ")}`)
      await shot(`failed-${tests.indexOf(t) + 1}`).catch(() => {})
      // The first two steps (login, the list) are what every later one stands on.
      if (tests.indexOf(t) < 1) skipRest = true
    }
  }
  console.log(`[e2e] total ${((Date.now() - t0) / 1000).toFixed(1)} s`)
} catch (e) {
  failed++
  console.error(`[e2e] ${e?.stack ?? e}`)
} finally {
  await browser?.close().catch(() => {})
  await app?.stop().catch((e) => console.error(e))
  for (const [name, png] of shots) writeFileSync(`${SHOTS}/${name}.png`, png)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
