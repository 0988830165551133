#!/usr/bin/env node
// `npm run test:demo`: `npm run demo` as people run it, its output redirected to a file inside the
// repository. First it must come up as a whole store (the printed key and region check out an
// order; the admin is the built dashboard and its login works over http), stay up while files are
// written into the repository, and, when its server dies, say so, stop its Postgres and exit
// non-zero. Then, on a demo whose admin is compiling, each way of stopping it must leave no
// process of the demo and no Postgres within 10 s: Ctrl-C, SIGTERM to `npm run demo` alone,
// SIGTERM to its group (SIGKILL 3 s later), SIGKILL of the process that launched it.
import { execFileSync, spawn } from "node:child_process"
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { chromium } from "playwright-core"
import { call } from "./bench/store-orders.mjs"
import { freePort } from "./lib/postgres.mjs"

const DATA = ".topology/demo-data"
// Inside the repository, not in a dot folder: where `medusa develop` would have seen it change.
const LOG = "demo-exit.log"
const PROBE = "demo-exit-probe.csv"
const STOP_WITHIN_MS = 10_000
const started = Date.now()
const log = (m) => console.log(`[demo-exit ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${m}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const output = () => (existsSync(LOG) ? readFileSync(LOG, "utf8") : "")
const failures = []
const check = (ok, message) => ok || failures.push(message)

/** Every process now running: pid, parent, state and command line. */
function processes() {
  return execFileSync("ps", ["-eo", "pid=,ppid=,stat=,args="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => {
      const [, pid, ppid, stat, args] = line.match(/^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/)
      return { pid: Number(pid), ppid: Number(ppid), stat, args }
    })
}

/** The process `root` and everything it started, detached or not, as of now. */
function tree(root) {
  const all = processes()
  const found = new Set([root])
  for (let grew = true; grew; ) {
    grew = false
    for (const p of all) if (found.has(p.ppid) && !found.has(p.pid)) found.add(p.pid), (grew = true)
  }
  return all.filter((p) => found.has(p.pid))
}

/** What still runs of `snapshot`, or anything else working on the demo's data folder (zombies are gone). */
function leftovers(snapshot) {
  const dataDir = path.resolve(DATA)
  const alive = processes().filter((p) => !p.stat.startsWith("Z"))
  return alive.filter((p) => snapshot.some((s) => s.pid === p.pid && s.args === p.args) || p.args.includes(dataDir))
}

/** Starts `npm run demo` in a process group of its own (a terminal's job), or under `launcher`. */
function startDemo(port, launcher) {
  writeFileSync(LOG, "")
  const fd = openSync(LOG, "a")
  const env = { ...process.env, PORT: String(port), DEMO_DATA_DIR: DATA, AFFILIATE_PUBLIC_URL: `http://localhost:${port}`, MEDUSA_DISABLE_TELEMETRY: "true" }
  // `; true`: bash must stay npm's parent, not exec it.
  const [command, args] = launcher ? ["bash", ["-c", "npm run demo; true"]] : ["npm", ["run", "demo"]]
  const child = spawn(command, args, { env, stdio: ["ignore", fd, fd], detached: true })
  child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })))
  return child
}

async function waitForOutput(child, text, ms) {
  const until = Date.now() + ms
  while (!output().includes(text)) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`no "${text}" from the demo:\n${output().slice(-3000)}`)
    await sleep(250)
  }
}

/** The pid Postgres's lock file names, if that process still runs. */
function postmasterRunning() {
  const file = `${DATA}/pg/postmaster.pid`
  if (!existsSync(file)) return false
  const pid = Number(readFileSync(file, "utf8").split("\n")[0])
  return processes().some((p) => p.pid === pid && !p.stat.startsWith("Z"))
}

/** Waits until nothing of the snapshot runs, nor any Postgres of the demo; answers the ms it took, or null. */
async function goneWithin(snapshot, ms, t0 = Date.now()) {
  while (Date.now() - t0 < ms) {
    if (!leftovers(snapshot).length && !postmasterRunning()) return Date.now() - t0
    await sleep(200)
  }
  return null
}

/** Never leave anything behind, even when a check failed. */
function cleanUp(snapshot) {
  for (const p of leftovers(snapshot)) {
    try {
      process.kill(p.pid, "SIGKILL")
    } catch {}
  }
}

async function upAsAWholeStore() {
  const port = await freePort()
  log(`npm run demo on port ${port}, output to ${LOG} (migrates, seeds and builds the admin on a fresh folder)…`)
  const demo = startDemo(port)
  let snapshot = []
  try {
    await waitForOutput(demo, "demo is up", 8 * 60_000)
    snapshot = tree(demo.pid)
    const base = `http://localhost:${port}`
    const printed = (name) => output().match(new RegExp(`^\\s*${name}=(\\S+)$`, "m"))?.[1]
    const key = printed("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY")
    check(printed("NEXT_PUBLIC_MEDUSA_BACKEND_URL") === base && printed("MEDUSA_BACKEND_URL") === base, "the printed backend URLs are not the demo's")
    check(printed("NEXT_PUBLIC_DEFAULT_REGION") === "us", "the printed default region is not us")

    log("checking out with the printed key: region, products, shipping option, payment…")
    const h = { "x-publishable-api-key": key }
    const { regions } = await call(base, h, "GET", "/store/regions")
    const region = regions.find((r) => r.countries.some((c) => c.iso_2 === printed("NEXT_PUBLIC_DEFAULT_REGION")))
    const { products } = await call(base, h, "GET", `/store/products?region_id=${region.id}&fields=title,*variants.calculated_price`)
    check(products.length >= 3 && products.every((p) => p.variants[0].calculated_price?.calculated_amount > 0), "the demo has no priced products")
    const address = { first_name: "Demo", last_name: "Shopper", address_1: "1 Main St", city: "Austin", country_code: "us", postal_code: "78701" }
    const { cart } = await call(base, h, "POST", "/store/carts", { region_id: region.id, email: "demo-shopper@example.com", shipping_address: address, billing_address: address })
    await call(base, h, "POST", `/store/carts/${cart.id}/line-items`, { variant_id: products[0].variants[0].id, quantity: 1 })
    const { shipping_options } = await call(base, h, "GET", `/store/shipping-options?cart_id=${cart.id}`)
    await call(base, h, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
    const { payment_collection } = await call(base, h, "POST", "/store/payment-collections", { cart_id: cart.id })
    await call(base, h, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
    const done = await call(base, h, "POST", `/store/carts/${cart.id}/complete`)
    check(done.type === "order", `the demo store placed no order: ${JSON.stringify(done).slice(0, 300)}`)

    log(`first admin page load after "up" (a fresh Chromium, until the login form shows): ${await firstAdminLoad(base)}`)
    log("the admin: the built dashboard, and a login over plain http…")
    const html = await (await fetch(`${base}/app`)).text()
    check(/<script type="module" crossorigin src="\/app\/assets\/index-[^"]+\.js">/.test(html) && !html.includes("@vite/client"), "/app is not the built dashboard")
    const { token } = await call(base, {}, "POST", "/auth/user/emailpass", { email: "admin@example.com", password: "supersecret" })
    const session = await fetch(`${base}/auth/session`, { method: "POST", headers: { authorization: `Bearer ${token}` } })
    const cookie = session.headers.get("set-cookie") ?? ""
    check(cookie.startsWith("connect.sid=") && !/;\s*Secure/i.test(cookie), `the admin session cookie cannot work over http: ${cookie}`)
    const me = await fetch(`${base}/admin/users/me`, { headers: { cookie: cookie.split(";")[0] } })
    check(me.status === 200, `the admin session does not log in (GET /admin/users/me: ${me.status})`)

    log(`writing ${PROBE} into the repository while the demo runs…`)
    const server = () => tree(demo.pid).find((p) => p.args.includes("node_modules/.bin/medusa start"))?.pid
    const before = server()
    for (let i = 0; i < 5; i++) {
      writeFileSync(PROBE, `order_id,total\n${i},1\n`)
      await sleep(400)
    }
    await sleep(2000)
    check(server() === before && (await fetch(`${base}/health`)).ok, "the server restarted when a file was written into the repository")

    log("killing the demo's server as a crash would…")
    process.kill(-before, "SIGKILL")
    const result = await Promise.race([demo.exited, sleep(60_000).then(() => null)])
    check(result && result.code !== 0, `the demo did not exit non-zero after its server died: ${JSON.stringify(result)}`)
    check(/The Medusa server exited .*: stopping the demo and its database\./.test(output()), "the demo did not say that its server exited")
    check((await goneWithin(snapshot, STOP_WITHIN_MS)) !== null, "the demo's processes or its Postgres outlived its server")
  } catch (e) {
    failures.push(e.message)
  } finally {
    rmSync(PROBE, { force: true })
    cleanUp(snapshot)
  }
}

/** Seconds until the admin's login form shows in a fresh browser: the README's figure, measured, not asserted. */
async function firstAdminLoad(base) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] })
  try {
    const page = await (await browser.newContext()).newPage()
    const t0 = Date.now()
    await page.goto(`${base}/app`)
    await page.locator('input[name="email"]').waitFor({ timeout: 60_000 })
    return `${((Date.now() - t0) / 1000).toFixed(2)} s`
  } finally {
    await browser.close()
  }
}

/** One way of stopping a demo whose admin is compiling. */
async function stopWhileCompiling(name, stopIt, { launcher = false } = {}) {
  // A missing fingerprint makes the demo build its admin again.
  rmSync(`${DATA}/app/public/admin.fingerprint`, { force: true })
  const port = await freePort()
  const root = startDemo(port, launcher)
  let snapshot = []
  try {
    await waitForOutput(root, "Building the admin dashboard", 120_000)
    // Give the build time to start its bundler (esbuild runs as a process of its own).
    await sleep(3000)
    snapshot = tree(root.pid)
    const compiling = snapshot.some((p) => p.args.includes("build-admin.mjs"))
    const postgres = snapshot.some((p) => p.args.includes("bin/postgres"))
    if (!compiling || !postgres) throw new Error(`${name}: the admin was not compiling or Postgres not running:\n${snapshot.map((p) => p.args).join("\n")}`)
    const t0 = Date.now()
    await stopIt(root, snapshot)
    const ms = await goneWithin(snapshot, STOP_WITHIN_MS, t0)
    if (ms === null) failures.push(`${name}: still running after ${STOP_WITHIN_MS / 1000} s: ${leftovers(snapshot).map((p) => p.args.slice(0, 120)).join(" | ")}`)
    else log(`${name}: nothing of the demo left after ${(ms / 1000).toFixed(1)} s`)
  } catch (e) {
    failures.push(e.message)
  } finally {
    cleanUp(snapshot)
  }
}

const npmOf = (snapshot) => snapshot.find((p) => /(^|\s|\/)npm run demo/.test(p.args) || p.args.includes("npm-cli.js run demo"))?.pid

try {
  rmSync(DATA, { recursive: true, force: true })
  await upAsAWholeStore()
  await stopWhileCompiling("Ctrl-C (SIGINT to the terminal's process group)", (root) => process.kill(-root.pid, "SIGINT"))
  await stopWhileCompiling("SIGTERM to `npm run demo` alone", (root) => process.kill(root.pid, "SIGTERM"))
  await stopWhileCompiling("SIGTERM to its process group, SIGKILL 3 s later", async (root) => {
    process.kill(-root.pid, "SIGTERM")
    await sleep(3000)
    try {
      process.kill(-root.pid, "SIGKILL")
    } catch {}
  })
  await stopWhileCompiling(
    "SIGKILL of the process that launched `npm run demo`",
    (root, snapshot) => {
      if (!npmOf(snapshot)) throw new Error("no npm process under the launcher")
      process.kill(root.pid, "SIGKILL")
    },
    { launcher: true }
  )
} finally {
  rmSync(LOG, { force: true })
}

for (const f of failures) console.error(`FAIL ${f}`)
console.log(failures.length ? `demo-exit: ${failures.length} failed` : `demo-exit: passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(failures.length ? 1 : 0)
