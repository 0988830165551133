#!/usr/bin/env node
// `npm run test:storefront`: the storefront side in a real Next.js app. The plugin is packed as a
// host installs it, the test storefront in e2e/storefront (the README's snippets, in an app shaped
// like the Medusa starters) is built with `next build` and started with `next start`, and Debian's Chromium clicks
// the demo affiliate link on the backend, lands on the storefront, adds to cart, answers the
// consent banner and checks out through the Store API. The backend's database must then hold the
// conversion with the token the link gave (or, when declined, none). Prints "N passed, N failed".
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import pg from "pg"
import { chromium } from "playwright-core"
import { call } from "./bench/store-orders.mjs"
import { startApp } from "./e2e/harness.mjs"
import { freePort } from "./lib/postgres.mjs"

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const APP_DIR = "e2e/storefront"
const DATA = ".e2e-storefront-data"
const PROBE = `${APP_DIR}/.types-probe`
const PACKAGE = "medusa-plugin-affiliate-s2s"
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
const TOKEN_COOKIE = "_affiliate_click_token"
const T = 30_000

const log = (m) => console.log(`[storefront] ${m}`)
const tests = []
const test = (name, fn) => tests.push({ name, fn })
function assert(cond, message) {
  if (!cond) throw new Error(message)
}

/** Runs a command to completion in its own process group; throws with its output on failure. */
function run(command, args, { env = process.env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"], detached: true })
    children.add(child)
    let output = ""
    child.stdout.on("data", (c) => (output += c))
    child.stderr.on("data", (c) => (output += c))
    child.on("exit", (code) => {
      children.delete(child)
      if (code === 0) resolve(output)
      else reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output.slice(-4000)}`))
    })
  })
}
const children = new Set()
/** Stops a child and everything it started (its process group), waiting for it to exit. */
async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once("exit", r))
  const signal = (s) => {
    try {
      process.kill(-child.pid, s)
    } catch {}
  }
  signal("SIGTERM")
  const timer = setTimeout(() => signal("SIGKILL"), 10_000)
  await exited
  clearTimeout(timer)
}

/** `medusa plugin:build` when the built entry is missing or older than its sources. */
function ensurePluginBuild() {
  const built = ".medusa/server/src/storefront/index.js"
  const newest = Math.max(...readdirSync("src/storefront").filter((f) => f.endsWith(".ts")).map((f) => statSync(`src/storefront/${f}`).mtimeMs))
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return
  log("the plugin build is missing or stale: medusa plugin:build")
  const build = spawnSync("node_modules/.bin/medusa", ["plugin:build"], { stdio: "inherit" })
  if (build.status !== 0) throw new Error("medusa plugin:build failed")
}

/**
 * Installs the packed plugin (only what `npm publish` ships) into the test storefront with npm, as
 * a storefront's owner would. Its Medusa peers are optional, so none of them may come along.
 */
function installPackedPlugin() {
  const packDir = path.resolve(DATA, "pack")
  mkdirSync(packDir, { recursive: true })
  const pack = spawnSync("npm", ["pack", "--silent", "--pack-destination", packDir], { encoding: "utf8" })
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`)
  const tarball = path.join(packDir, pack.stdout.trim().split("\n").pop())
  rmSync(path.join(APP_DIR, "node_modules"), { recursive: true, force: true })
  const install = spawnSync("npm", ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", tarball], { cwd: APP_DIR, encoding: "utf8" })
  if (install.status !== 0) throw new Error(`npm install of the packed plugin failed: ${install.stderr}`)
  const installed = readdirSync(path.join(APP_DIR, "node_modules")).filter((d) => !d.startsWith("."))
  if (installed.includes("@medusajs") || installed.includes("next")) throw new Error(`installing the plugin into a storefront brought ${installed}`)
  log(`the packed plugin installed into the storefront with: ${installed.join(", ")}`)
}

let app, storefront, browser, db, backendUrl
// The browser and the storefront reach the backend as 127.0.0.1 and the storefront as localhost
// (Next.js calls any loopback host localhost): two hosts, so the affiliate link's own cookie,
// set on the backend's host, never reaches the storefront and cannot stand in for its cookie.
const onLoopback = (url) => url.replace("//localhost:", "//127.0.0.1:")
/** The storefront's environment: the starters' variable names, given when it starts. */
const storefrontEnv = (vars = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("NEXT_PUBLIC_"))),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  // Next.js would otherwise try to add other platforms' compilers to the repository's lockfile.
  NEXT_IGNORE_INCORRECT_LOCKFILE: "1",
  NEXT_PUBLIC_DEFAULT_REGION: "us",
  ...vars,
})
const timed = async (fn) => {
  const started = Date.now()
  await fn()
  return (Date.now() - started) / 1000
}
const NEXT_BIN = path.resolve("node_modules/.bin/next")

/** Chromium opens the affiliate link on the backend; answers the token it gave and the hops. */
async function clickAffiliateLink(page, deepLinkPath) {
  const deep = deepLinkPath ? `&url=${encodeURIComponent(storefront.url + deepLinkPath)}` : ""
  const link = `${backendUrl}/affiliate/click/${app.demo.handle}?aff=${app.demo.affiliate_code}${deep}`
  const seen = []
  const onResponse = (res) => {
    if (res.request().resourceType() !== "document") return
    seen.push(
      res.headersArray().then((headers) => ({
        url: res.url(),
        status: res.status(),
        location: headers.find((h) => h.name.toLowerCase() === "location")?.value ?? null,
        setCookies: headers.filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value),
      }))
    )
  }
  page.on("response", onResponse)
  await page.goto(link, { waitUntil: "load" })
  page.off("response", onResponse)
  const hops = await Promise.all(seen)
  const fromBackend = hops.find((h) => h.url.startsWith(`${backendUrl}/affiliate/click/`))
  assert(fromBackend?.status === 302 && fromBackend.location, `the affiliate link did not redirect: ${JSON.stringify(fromBackend)}`)
  const token = new URL(fromBackend.location).searchParams.get("click_token")
  assert(token, `the affiliate link gave no click_token: ${fromBackend.location}`)
  return { token, hops: hops.filter((h) => h.url.startsWith(storefront.url)) }
}

const setsCookie = (hop, name, value) => hop.setCookies.some((c) => c.split("\n").some((line) => line.startsWith(value === undefined ? `${name}=` : `${name}=${value};`)))

async function keptToken(context) {
  return (await context.cookies(storefront.url)).find((c) => c.name === TOKEN_COOKIE)?.value
}

async function addToCart(page) {
  await page.getByRole("link", { name: "Store" }).click()
  await page.getByRole("heading", { name: "Store" }).waitFor()
  await page.getByRole("link", { name: "Affiliate Test Shirt" }).click()
  await page.getByRole("button", { name: "Add to cart" }).click()
  await page.getByRole("status").filter({ hasText: "Added to cart" }).waitFor()
}

async function answerBanner(page, button) {
  const banner = page.getByRole("dialog", { name: "Affiliate tracking" })
  await banner.getByRole("button", { name: button }).click()
  await banner.waitFor({ state: "hidden" })
}

async function checkout(page) {
  await page.getByRole("link", { name: "Cart" }).click()
  await page.getByRole("button", { name: "Place order" }).click()
  await page.waitForURL(/\/us\/order\/[^/]+\/confirmed$/, { timeout: T })
  return page.locator("[data-order-id]").getAttribute("data-order-id")
}

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

async function assertConvertedWith(orderId, token) {
  const decision = await storeDecision(orderId)
  assert(decision.outcome === "success", `order ${orderId}: ${decision.outcome} (${decision.reason})`)
  const rows = await conversionOf(orderId)
  assert(rows.length === 1, `order ${orderId} has ${rows.length} conversions`)
  assert(rows[0].click_token === token, `order ${orderId} converted with ${rows[0].click_token}, not the link's ${token}`)
  assert(rows[0].source === "store" && rows[0].status === "pending", `conversion ${JSON.stringify(rows[0])}`)
}

/** One shopper: a browser context of their own (own cookies), a browser's user agent. */
async function shopper() {
  const context = await browser.newContext({ userAgent: BROWSER_UA, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(T)
  page.on("pageerror", (e) => console.log(`[browser] ${String(e).slice(0, 300)}`))
  shoppers.push(context)
  return { context, page }
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
  const { token, hops } = await clickAffiliateLink(page)
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
  const { token, hops } = await clickAffiliateLink(page, "/us")
  assert(hops.length === 1 && hops[0].status === 200, `expected one answer from the storefront: ${JSON.stringify(hops)}`)
  assert(setsCookie(hops[0], "_medusa_cache_id") && setsCookie(hops[0], TOKEN_COOKIE, token), `the cache-id branch: ${hops[0].setCookies}`)
  assert((await keptToken(context)) === token, `kept ${await keptToken(context)}, the link gave ${token}`)
  await addToCart(page)
  await answerBanner(page, "Accept")
  await assertConvertedWith(await checkout(page), token)
})

test("returning visitor on a country URL (next()): the newer token replaces the older one and converts", async () => {
  const { context, page } = await shopper()
  const first = await clickAffiliateLink(page, "/us")
  await page.goto(`${storefront.url}/us/store`)
  const { token, hops } = await clickAffiliateLink(page, "/us/store")
  assert(token !== first.token, "the two clicks gave the same token")
  assert(hops.length === 1 && hops[0].status === 200, `expected one answer from the storefront: ${JSON.stringify(hops)}`)
  assert(!setsCookie(hops[0], "_medusa_cache_id"), "a returning visitor got a new cache id: not the next() branch")
  assert(setsCookie(hops[0], TOKEN_COOKIE, token), `next() set no token cookie: ${hops[0].setCookies}`)
  assert((await keptToken(context)) === token, `kept ${await keptToken(context)}, the newest link gave ${token}`)
  await addToCart(page)
  await answerBanner(page, "Accept")
  await assertConvertedWith(await checkout(page), token)
})

test("a shopper who declines the banner: the order records no conversion (consent_not_granted)", async () => {
  const { context, page } = await shopper()
  const { token } = await clickAffiliateLink(page)
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
  const { context, page } = await shopper()
  const landing = `${storefront.url}/us/store?aff=${app.demo.affiliate_code}&campaign=${app.demo.handle}&sub1=newsletter`
  await page.goto(landing)
  const token = await keptToken(context)
  assert(token, "no token kept for a direct affiliate link")
  const { rows } = await db.query("SELECT landing_url, sub1, user_agent FROM affiliate_click WHERE click_token = $1", [token])
  assert(rows.length === 1, `the kept token ${token} is not a recorded click`)
  assert(rows[0].landing_url === landing && rows[0].sub1 === "newsletter" && rows[0].user_agent === BROWSER_UA, `click ${JSON.stringify(rows[0])}`)
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
  const { token } = await clickAffiliateLink(page, "/plain")
  await page.waitForFunction((name) => document.cookie.includes(`${name}=`), TOKEN_COOKIE)
  const cookie = (await context.cookies(storefront.url)).find((c) => c.name === TOKEN_COOKIE)
  assert(cookie?.value === token && !cookie.httpOnly, `kept ${JSON.stringify(cookie)}, the link gave ${token}`)
  await page.getByRole("button", { name: "Add to cart" }).click()
  const cartId = await page.locator("[data-cart-id]").getAttribute("data-cart-id")
  await page.locator('[data-shared="ok"]').waitFor()
  await page.getByRole("button", { name: "Accept affiliate tracking" }).click()
  await page.locator('[data-shared="ok:granted"]').waitFor()
  const h = { "x-publishable-api-key": app.store.publishableKey }
  const address = { first_name: "Pat", last_name: "Plain", address_1: "2 Side St", city: "Austin", country_code: "us", postal_code: "78701", province: "tx" }
  await call(app.base, h, "POST", `/store/carts/${cartId}`, { email: "plain@example.com", shipping_address: address, billing_address: address })
  await call(app.base, h, "POST", `/store/carts/${cartId}/shipping-methods`, { option_id: app.store.shippingOptionId })
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
  ensurePluginBuild()
  installPackedPlugin()
  const port = await freePort()
  storefront = { url: `http://localhost:${port}`, port }
  // The storefront reads the backend's URL and key when it runs, so it builds while the backend
  // migrates, seeds and boots.
  log("next build (while the backend starts)")
  const [build, started] = await Promise.allSettled([
    timed(() => run(NEXT_BIN, ["build"], { cwd: APP_DIR, env: storefrontEnv() })),
    startApp({
      dataDir: DATA,
      admin: false,
      log: (m) => log(m),
      env: { DEMO_TARGET_URL: `${storefront.url}/`, STORE_CORS: storefront.url },
    }),
  ])
  app = started.value
  if (started.status === "rejected") throw started.reason
  if (build.status === "rejected") throw build.reason
  backendUrl = onLoopback(app.base)
  log(
    `backend up at ${backendUrl}: setup ${app.timings.setupSeconds.toFixed(1)} s, boot ${app.timings.bootSeconds.toFixed(1)} s; ` +
      `next build ${build.value.toFixed(1)} s`
  )
  const server = spawn(NEXT_BIN, ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: APP_DIR,
    env: storefrontEnv({ NEXT_PUBLIC_MEDUSA_BACKEND_URL: backendUrl, NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: app.store.publishableKey }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  children.add(server)
  const serverLog = []
  const keep = (c) => {
    serverLog.push(String(c))
    if (serverLog.length > 200) serverLog.shift()
    if (process.env.E2E_VERBOSE) process.stdout.write(c)
  }
  server.stdout.on("data", keep)
  server.stderr.on("data", keep)
  storefront.log = serverLog
  const until = Date.now() + 60_000
  for (;;) {
    const ok = await fetch(`${storefront.url}/us`, { redirect: "manual" }).then((r) => r.status === 200, () => false)
    if (ok) break
    if (Date.now() > until) throw new Error(`next start did not answer:\n${serverLog.join("").slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  log(`storefront up at ${storefront.url}`)
  db = new pg.Client({ connectionString: app.env.DATABASE_URL })
  await db.connect()
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  })
  for (const t of tests) {
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
      if (process.env.E2E_VERBOSE) console.log(serverLog.join("").slice(-3000))
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
