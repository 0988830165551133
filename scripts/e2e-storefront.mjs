#!/usr/bin/env node
// `npm run test:storefront`: the storefront side in a real Next.js app. The plugin is packed and
// installed into the test storefront e2e/storefront (the README's snippets, in an app shaped like
// the Medusa starters), which is built with `next build` while `npm run demo` seeds its store, and
// started with `next start` with the variables the demo printed; Debian's Chromium clicks the demo
// affiliate link on the backend, lands on the storefront, adds to cart, answers the consent banner
// and checks out. The backend's database must then hold the conversion with the token of the
// right click (or, when declined, none). Prints "N passed, N failed" last and exits non-zero on any
// failure.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import pg from "pg"
import { chromium } from "playwright-core"
import { call } from "./bench/store-orders.mjs"
import { startDemoBackend } from "./e2e/demo-backend.mjs"
import { addToCart, answerBanner, BROWSER_UA, checkout, clickAffiliateLink, keptToken as keptTokenAt, MARKER_COOKIE, setsCookie, TOKEN_COOKIE } from "./e2e/shopper.mjs"
import {
  APP_DIR,
  buildStorefront,
  children,
  ensurePluginBuild,
  installPackedPlugin,
  PACKAGE,
  run,
  startStorefront,
  stopGroup,
} from "./e2e/storefront-app.mjs"
import { freePort } from "./lib/postgres.mjs"

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const DATA = ".e2e-storefront-data"
const PROBE = `${APP_DIR}/.types-probe`
const T = 30_000

const log = (m) => console.log(`[storefront] ${m}`)
const tests = []
const test = (name, fn) => tests.push({ name, fn })
function assert(cond, message) {
  if (!cond) throw new Error(message)
}

let app, storefront, browser, db, world
// The browser and the storefront reach the backend as 127.0.0.1 (the demo prints that URL) and the
// storefront as localhost (Next.js calls any loopback host localhost): two hosts, so the affiliate
// link's own cookie, set on the backend's host, never reaches the storefront and cannot stand in
// for its cookie.
const keptToken = (context) => keptTokenAt(context, storefront.url)

/** The order.placed subscriber runs after the checkout answers: wait for its decision. */
async function storeDecision(orderId) {
  for (let i = 0; i < 150; i++) {
    const { rows } = await db.query("SELECT outcome, reason FROM affiliate_request_log WHERE order_id = $1 AND source = 'store'", [orderId])
    if (rows.length) return rows[0]
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no decision logged for ${orderId}`)
}

async function conversionOf(orderId) {
  const { rows } = await db.query(
    `SELECT k.click_token, v.status, v.source FROM affiliate_conversion v JOIN affiliate_click k ON k.id = v.click_id WHERE v.order_id = $1`,
    [orderId]
  )
  return rows
}

/** "Later": the click made earlier than the campaign's unique-click window, so the same browser's next visit is a new click. */
async function olderThanTheUniqueClickWindow(token) {
  await db.query("UPDATE affiliate_click SET created_at = created_at - interval '2 hours' WHERE click_token = $1", [token])
}

async function assertConvertedWith(orderId, token) {
  const decision = await storeDecision(orderId)
  assert(decision.outcome === "success", `order ${orderId}: ${decision.outcome} (${decision.reason})`)
  const rows = await conversionOf(orderId)
  assert(rows.length === 1, `order ${orderId} has ${rows.length} conversions`)
  assert(rows[0].click_token === token, `order ${orderId} converted with ${rows[0].click_token}, not the link's ${token}`)
  assert(rows[0].source === "store" && rows[0].status === "pending", `conversion ${JSON.stringify(rows[0])}`)
}

/**
 * One shopper: a browser context of their own (own cookies), a browser's user agent of their own:
 * shoppers on one IP with one agent would be one visitor, whose repeat visits reuse a click.
 */
let shopperCount = 0
async function shopper() {
  const userAgent = `${BROWSER_UA} shopper/${++shopperCount}`
  const context = await browser.newContext({ userAgent, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(T)
  page.on("pageerror", (e) => console.log(`[browser] ${String(e).slice(0, 300)}`))
  shoppers.push(context)
  return { context, page, userAgent }
}
const shoppers = []
const shots = new Map()

test("the packed entry's types resolve under every TypeScript moduleResolution (node10 for the Next.js 15 starters)", async () => {
  // A dot folder, which the backend's file watcher ignores; removed at the end.
  mkdirSync(PROBE, { recursive: true })
  writeFileSync(
    path.join(PROBE, "probe.ts"),
    [
      `import { type ShareResult, shareAffiliateConsent, withAffiliateToken } from "${PACKAGE}/storefront"`,
      `export const response: Response = withAffiliateToken({ url: "https://shop.example.com/?click_token=x" }, new Response(null))`,
      `const cookies = { get: (_: string) => undefined, set: () => {}, delete: () => {} }`,
      `export const shared: Promise<ShareResult> = shareAffiliateConsent({ backendUrl: "", publishableKey: "", cartId: "c", cookies })`,
    ].join("\n")
  )
  for (const [resolution, module] of [["node10", "commonjs"], ["node16", "node16"], ["bundler", "esnext"]]) {
    const args = ["--noEmit", "--strict", "--target", "es2021", "--lib", "es2021,dom", "--typeRoots", "./none", "--moduleResolution", resolution, "--module", module, "probe.ts"]
    await run(path.resolve("node_modules/.bin/tsc"), args, { cwd: PROBE }).catch((e) => {
      throw new Error(`moduleResolution ${resolution}: ${e.message}`)
    })
  }
})

test("the packed entry loads with require() and import(), and pulls in nothing but its own files", async () => {
  const names = "withAffiliateToken,withAffiliateClick,shareAffiliateConsent,readConsent,writeConsent,documentCookies"
  const cjs = await run("node", ["-e", `const s = require("${PACKAGE}/storefront"); for (const n of "${names}".split(",")) if (typeof s[n] !== "function") throw new Error(n)`], { cwd: APP_DIR })
  const esm = await run("node", ["--input-type=module", "-e", `import * as s from "${PACKAGE}/storefront"; for (const n of "${names}".split(",")) if (typeof s[n] !== "function") throw new Error(n)`], { cwd: APP_DIR })
  assert(cjs === "" && esm === "", "loading the entry printed something")
  const dir = path.join(APP_DIR, "node_modules", PACKAGE, ".medusa/server/src/storefront")
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(path.join(dir, file), "utf8")
    const required = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
    assert(required.every((r) => /^\.\/[a-z-]+$/.test(r)), `${file} requires ${required}`)
  }
})

test("first visit on / : redirected to the country URL, the token is kept, the order converts with it", async () => {
  const { context, page } = await shopper()
  const { token, hops } = await clickAffiliateLink(page, world)
  const [landing, country] = hops
  // Next.js may answer the redirect with a relative Location.
  assert(landing?.status === 307 && new URL(landing.location, landing.url).pathname === "/us", `expected the country redirect first: ${JSON.stringify(hops)}`)
  assert(setsCookie(landing, TOKEN_COOKIE, token), `the country redirect set no token cookie: ${landing.setCookies}`)
  assert(country?.status === 200 && setsCookie(country, "_medusa_cache_id"), `expected the cache-id branch next: ${JSON.stringify(country)}`)
  assert((await keptToken(context)) === token, `kept ${await keptToken(context)}, the link gave ${token}`)
  await addToCart(page)
  await answerBanner(page, "Accept")
  const orderId = await checkout(page)
  await assertConvertedWith(orderId, token)
})

test("first visit on a country URL (the cache-id branch): the token is kept, the order converts with it", async () => {
  const { context, page } = await shopper()
  const { token, hops } = await clickAffiliateLink(page, world, "/us")
  assert(hops.length === 1 && hops[0].status === 200, `expected one answer from the storefront: ${JSON.stringify(hops)}`)
  assert(setsCookie(hops[0], "_medusa_cache_id") && setsCookie(hops[0], TOKEN_COOKIE, token), `the cache-id branch: ${hops[0].setCookies}`)
  assert((await keptToken(context)) === token, `kept ${await keptToken(context)}, the link gave ${token}`)
  await addToCart(page)
  await answerBanner(page, "Accept")
  await assertConvertedWith(await checkout(page), token)
})

test("returning visitor on a country URL (next()): the newer token replaces the older one and converts", async () => {
  const { context, page } = await shopper()
  const first = await clickAffiliateLink(page, world, "/us")
  await olderThanTheUniqueClickWindow(first.token)
  await page.goto(`${storefront.url}/us/store`)
  const { token, hops } = await clickAffiliateLink(page, world, "/us/store")
  assert(token !== first.token, "the two clicks gave the same token")
  assert(hops.length === 1 && hops[0].status === 200, `expected one answer from the storefront: ${JSON.stringify(hops)}`)
  assert(!setsCookie(hops[0], "_medusa_cache_id"), "a returning visitor got a new cache id: not the next() branch")
  assert(setsCookie(hops[0], TOKEN_COOKIE, token), `next() set no token cookie: ${hops[0].setCookies}`)
  assert((await keptToken(context)) === token, `kept ${await keptToken(context)}, the newest link gave ${token}`)
  await addToCart(page)
  await answerBanner(page, "Accept")
  await assertConvertedWith(await checkout(page), token)
})

test("a returning shopper with a cart and an answered banner, back through a newer link, straight to checkout: the newer click is credited", async () => {
  const { context, page } = await shopper()
  const older = await clickAffiliateLink(page, world, "/us")
  await addToCart(page)
  await answerBanner(page, "Accept")
  const cartId = (await context.cookies(storefront.url)).find((c) => c.name === "_medusa_cart_id")?.value
  const { rows } = await db.query("SELECT click_token, consent FROM affiliate_attribution WHERE cart_id = $1", [cartId])
  assert(rows[0]?.click_token === older.token && rows[0].consent === "granted", `the cart's attribution: ${JSON.stringify(rows)}`)
  // Days later: a newer affiliate link, then the cart and "Place order" at once. Nothing is added
  // and the banner, answered before, does not ask again: only the checkout can tell the cart.
  await olderThanTheUniqueClickWindow(older.token)
  const { token } = await clickAffiliateLink(page, world, "/us")
  assert(token !== older.token, "the two clicks gave the same token")
  assert((await keptToken(context)) === token, `kept ${await keptToken(context)}, the newer link gave ${token}`)
  const orderId = await checkout(page)
  assert((await page.getByRole("dialog", { name: "Affiliate tracking" }).count()) === 0, "the banner asked again")
  await assertConvertedWith(orderId, token)
})

test("the banner asks only when a click waits for an answer: a readable marker, never the token, tells it", async () => {
  const { context, page } = await shopper()
  await page.goto(`${storefront.url}/us`)
  // Hydrated (the add to cart ran in the page): the banner would have opened by now.
  await addToCart(page)
  assert((await page.getByRole("dialog", { name: "Affiliate tracking" }).count()) === 0, "the banner asked a shopper who came through no link")
  const { token } = await clickAffiliateLink(page, world, "/us/store")
  await page.getByRole("dialog", { name: "Affiliate tracking" }).waitFor()
  const scriptCookies = await page.evaluate(() => document.cookie)
  assert(scriptCookies.includes(`${MARKER_COOKIE}=1`), `scripts do not see the marker: ${scriptCookies}`)
  assert(!scriptCookies.includes(token), "the token is readable by scripts")
  const marker = (await context.cookies(storefront.url)).find((c) => c.name === MARKER_COOKIE)
  const tokenCookie = (await context.cookies(storefront.url)).find((c) => c.name === TOKEN_COOKIE)
  assert(marker && !marker.httpOnly && tokenCookie?.httpOnly, `cookies ${JSON.stringify([marker, tokenCookie])}`)
  await answerBanner(page, "Accept")
  await page.goto(`${storefront.url}/us/store`)
  await addToCart(page)
  assert((await page.getByRole("dialog", { name: "Affiliate tracking" }).count()) === 0, "the banner asked again after an answer")
})

test("the token cookie lives as long as the campaign's attribution window, through the link and through a direct landing", async () => {
  const { context, page } = await shopper()
  const window = (days) => db.query("UPDATE affiliate_campaign SET attribution_window_days = $1 WHERE handle = $2", [days, world.demo.handle])
  const expiresOf = async (token) =>
    new Date((await db.query("SELECT expires_at FROM affiliate_click WHERE click_token = $1", [token])).rows[0].expires_at).getTime() / 1000
  const cookieExpiry = async (name) => (await context.cookies(storefront.url)).find((c) => c.name === name)?.expires
  await window(3)
  try {
    const { token } = await clickAffiliateLink(page, world, "/us")
    const expires = await expiresOf(token)
    assert(Math.abs(expires - Date.now() / 1000 - 3 * 86_400) < 120, `the click expires at ${expires}, not in 3 days`)
    for (const name of [TOKEN_COOKIE, MARKER_COOKIE]) {
      const at = await cookieExpiry(name)
      assert(Math.abs(at - expires) <= 2, `${name} expires at ${at}, the click at ${expires}`)
    }
    await page.goto(`${storefront.url}/us/store?aff=${world.demo.affiliate_code}&campaign=${world.demo.handle}`)
    const direct = await keptToken(context)
    assert(direct && direct !== token, "the direct landing kept no new token")
    const directExpires = await expiresOf(direct)
    assert(Math.abs((await cookieExpiry(TOKEN_COOKIE)) - directExpires) <= 2, "the direct landing's cookie does not end with its click")
  } finally {
    await window(30)
  }
})

test("a shopper who declines the banner: the order records no conversion (consent_not_granted)", async () => {
  const { context, page } = await shopper()
  const { token } = await clickAffiliateLink(page, world)
  assert((await keptToken(context)) === token, "the token was not kept")
  await addToCart(page)
  await answerBanner(page, "Decline")
  const orderId = await checkout(page)
  const decision = await storeDecision(orderId)
  assert(decision.outcome === "skipped" && decision.reason === "consent_not_granted", `decision ${JSON.stringify(decision)}`)
  assert((await conversionOf(orderId)).length === 0, "a declined order was converted")
  const { rows } = await db.query("SELECT consent, click_token FROM affiliate_attribution WHERE cart_id = (SELECT cart_id FROM order_cart WHERE order_id = $1)", [orderId])
  assert(rows[0]?.consent === "denied" && rows[0].click_token === token, `attribution ${JSON.stringify(rows)}`)
})

test("an affiliate link that points at the storefront directly: the middleware records the click and keeps its token", async () => {
  const { context, page, userAgent } = await shopper()
  const landing = `${storefront.url}/us/store?aff=${world.demo.affiliate_code}&campaign=${world.demo.handle}&sub1=newsletter`
  await page.goto(landing)
  const token = await keptToken(context)
  assert(token, "no token kept for a direct affiliate link")
  const { rows } = await db.query("SELECT landing_url, sub1, user_agent FROM affiliate_click WHERE click_token = $1", [token])
  assert(rows.length === 1, `the kept token ${token} is not a recorded click`)
  assert(rows[0].landing_url === landing && rows[0].sub1 === "newsletter" && rows[0].user_agent === userAgent, `click ${JSON.stringify(rows[0])}`)
  // Answered on the landing page itself: the server action posts to the landing URL, which must
  // not count as another click nor replace the token.
  await answerBanner(page, "Accept")
  const clicks = await db.query("SELECT count(*)::int AS n FROM affiliate_click WHERE landing_url = $1", [landing])
  assert(clicks.rows[0].n === 1, `one landing recorded ${clicks.rows[0].n} clicks`)
  assert((await keptToken(context)) === token, "the token changed after the banner was answered")
  await addToCart(page)
  await assertConvertedWith(await checkout(page), token)
})

test("a browser-only storefront: documentCookies() keeps the token and the browser shares it with the cart", async () => {
  const { context, page } = await shopper()
  const { token } = await clickAffiliateLink(page, world, "/plain")
  await page.waitForFunction((name) => document.cookie.includes(`${name}=`), TOKEN_COOKIE)
  const cookie = (await context.cookies(storefront.url)).find((c) => c.name === TOKEN_COOKIE)
  assert(cookie?.value === token && !cookie.httpOnly, `kept ${JSON.stringify(cookie)}, the link gave ${token}`)
  await page.getByRole("button", { name: "Add to cart" }).click()
  const cartId = await page.locator("[data-cart-id]").getAttribute("data-cart-id")
  await page.locator('[data-shared="ok"]').waitFor()
  await page.getByRole("button", { name: "Accept affiliate tracking" }).click()
  await page.locator('[data-shared="ok:granted"]').waitFor()
  const h = { "x-publishable-api-key": app.printed.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY }
  const address = { first_name: "Pat", last_name: "Plain", address_1: "2 Side St", city: "Austin", country_code: "us", postal_code: "78701", province: "tx" }
  await call(app.base, h, "POST", `/store/carts/${cartId}`, { email: "plain@example.com", shipping_address: address, billing_address: address })
  await call(app.base, h, "POST", `/store/carts/${cartId}/shipping-methods`, { option_id: app.store.shipping_option_id })
  const { payment_collection } = await call(app.base, h, "POST", "/store/payment-collections", { cart_id: cartId })
  await call(app.base, h, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const done = await call(app.base, h, "POST", `/store/carts/${cartId}/complete`)
  await assertConvertedWith(done.order.id, token)
})

let passed = 0
let failed = 0
const t0 = Date.now()
// Ctrl-C reaches only this process: the servers run in process groups of their own.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    console.log(`[storefront] ${signal}: stopping`)
    await browser?.close().catch(() => {})
    await Promise.all([...children].map(stopGroup))
    await app?.stop().catch(() => {})
    process.exit(130)
  })
}
try {
  rmSync(DATA, { recursive: true, force: true })
  ensurePluginBuild(log)
  installPackedPlugin(DATA, log)
  const port = await freePort()
  storefront = { url: `http://localhost:${port}`, port }
  // The storefront reads the backend's URL and key when it runs, so it builds while the backend
  // migrates, seeds and boots.
  log("next build (while the backend starts)")
  const [build, started] = await Promise.allSettled([
    buildStorefront(),
    startDemoBackend({ dataDir: DATA, storefrontUrl: storefront.url, log }),
  ])
  app = started.value
  if (started.status === "rejected") throw started.reason
  if (build.status === "rejected") throw build.reason
  world = { backendUrl: app.base, storefrontUrl: storefront.url, demo: app.demo }
  log(`the demo is up at ${app.base} after ${app.seconds.toFixed(1)} s; next build ${build.value.toFixed(1)} s`)
  // The storefront runs with what the demo printed, as a newcomer would copy it.
  log(`storefront variables as printed: ${Object.entries(app.printed).map(([k, v]) => `${k}=${v}`).join(" ")}`)
  const server = await startStorefront({ port, url: storefront.url, env: app.printed })
  storefront.log = server.output
  log(`storefront up at ${storefront.url}`)
  db = new pg.Client({ connectionString: app.databaseUrl })
  await db.connect()
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  })
  // E2E_ONLY=<part of a test's name> runs the matching tests only (while working on one).
  for (const t of tests.filter((t) => !process.env.E2E_ONLY || t.name.includes(process.env.E2E_ONLY))) {
    const start = Date.now()
    try {
      await t.fn()
      passed++
      console.log(`✓ ${t.name} (${Date.now() - start} ms)`)
    } catch (e) {
      failed++
      console.log(`✗ ${t.name}\n    ${String(e?.message ?? e).split("\n").slice(0, 8).join("\n    ")}`)
      const page = shoppers.at(-1)?.pages()[0]
      if (page) shots.set(`storefront-failed-${tests.indexOf(t) + 1}`, await page.screenshot({ fullPage: true }).catch(() => null))
      if (process.env.E2E_VERBOSE) console.log((storefront.log ?? []).join("").slice(-3000))
    }
    await shoppers.pop()?.close().catch(() => {})
  }
} catch (e) {
  failed++
  console.error(`[storefront] ${e?.stack ?? e}`)
} finally {
  await browser?.close().catch(() => {})
  await db?.end().catch(() => {})
  await Promise.all([...children].map(stopGroup))
  await app?.stop().catch((e) => console.error(e))
  // The packed copy shares the plugin's package name: leave no second one for jest to find.
  rmSync(path.join(APP_DIR, "node_modules"), { recursive: true, force: true })
  rmSync(PROBE, { recursive: true, force: true })
  const saved = [...shots].filter(([, png]) => png)
  if (saved.length) mkdirSync("screenshots", { recursive: true })
  for (const [name, png] of saved) writeFileSync(`screenshots/${name}.png`, png)
}
console.log(`[storefront] total ${((Date.now() - t0) / 1000).toFixed(1)} s`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
