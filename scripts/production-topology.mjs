#!/usr/bin/env node
// `npm run test:topology`: Medusa's production topology on this machine (CONVENTIONS: two server
// processes and a worker from a production build, sharing a real Redis and Postgres) and the checks
// that only such a deployment can fail: a click on one server converting on the other, concurrent
// identical calls across servers, the rate limit across servers, an order placed while the worker
// is stopped, outbound deliveries with two workers, S2S calls while Redis is down, keys in the
// servers' production access logs, and the 405 of every other method on a production server. Prints one line per check; exits 1 if any failed.
import { spawn } from "node:child_process"
import { createServer } from "node:http"
import { connect } from "node:net"
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import pgLib from "pg"
import { call, prepareCart } from "./bench/store-orders.mjs"
import { medusa, stopProcessGroup, waitFor } from "./lib/medusa.mjs"
import { freePort, startPostgres } from "./lib/postgres.mjs"
import { startRedis } from "./lib/redis.mjs"

const OUT = ".topology"
const DB = "affiliate_topology"
const LIMIT = 300
const BROWSER_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
const started = Date.now()

rmSync(`${OUT}/logs`, { recursive: true, force: true })
mkdirSync(`${OUT}/logs`, { recursive: true })

const processes = new Map()
const results = []
let pg
let redis
let receiver
let db

const log = (message) => console.log(`[topology ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

async function check(name, fn) {
  const t0 = Date.now()
  try {
    const detail = await fn()
    results.push({ name, ok: true, detail, ms: Date.now() - t0 })
    log(`PASS ${name}${detail ? `: ${detail}` : ""}`)
  } catch (e) {
    results.push({ name, ok: false, detail: e.message, ms: Date.now() - t0 })
    log(`FAIL ${name}: ${e.message}`)
  }
}

async function stopAll() {
  await Promise.all([...processes.values()].map((p) => stopProcessGroup(p.child)))
  processes.clear()
  await redis?.stop()
  await db?.end().catch(() => undefined)
  await pg?.stop()
  receiver?.close()
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await stopAll()
    process.exit(130)
  })
}

/** A network that forwards conversions land on: it refuses each order's first delivery (500) so the retry job must run. */
function startReceiver(port) {
  const hits = new Map()
  const server = createServer((req, res) => {
    let body = ""
    req.on("data", (c) => (body += c))
    req.on("end", () => {
      const orderId = JSON.parse(body || "{}").order_id ?? "?"
      const n = (hits.get(orderId) ?? 0) + 1
      hits.set(orderId, n)
      res.writeHead(n === 1 ? 500 : 200, { "content-type": "application/json" }).end(JSON.stringify({ ok: n > 1 }))
    })
  })
  server.listen(port, "127.0.0.1")
  return { hits, close: () => server.close() }
}

function startMedusa(name, mode, port, env) {
  const out = openSync(`${OUT}/logs/${name}.log`, "a")
  const child = spawn("../../node_modules/.bin/medusa", ["start"], {
    cwd: ".medusa/server",
    env: { ...env, MEDUSA_WORKER_MODE: mode, PORT: String(port) },
    stdio: ["ignore", out, out],
    detached: true,
  })
  processes.set(name, { child, port, base: `http://localhost:${port}` })
  return waitFor(`http://localhost:${port}/health`, { timeoutMs: 180_000 })
}

async function stopMedusa(name) {
  await stopProcessGroup(processes.get(name)?.child)
  processes.delete(name)
}

/** `medusa build` in its own process group, so that migrating and seeding run meanwhile. */
function buildInBackground(env) {
  const out = openSync(`${OUT}/logs/build.log`, "a")
  const child = spawn("node_modules/.bin/medusa", ["build"], { env, stdio: ["ignore", out, out], detached: true })
  processes.set("build", { child })
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => {
      processes.delete("build")
      code === 0 ? resolve() : reject(new Error(`medusa build failed (see ${OUT}/logs/build.log)`))
    })
  )
}

const logOf = (name) => readFileSync(`${OUT}/logs/${name}.log`, "utf8")
const base = (name) => processes.get(name).base

async function click(server, campaign, code) {
  const res = await fetch(`${base(server)}/affiliate/click/${campaign}?aff=${code}`, { redirect: "manual", headers: { "user-agent": BROWSER_UA } })
  const token = new URL(res.headers.get("location")).searchParams.get("click_token")
  assert(token, `the link on ${server} gave no click_token`)
  return token
}

async function convert(server, apiKey, body) {
  const res = await fetch(`${base(server)}/integration/s2sConvert`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": apiKey },
    body: JSON.stringify({ order_total: "50.00", order_currency: "USD", ...body }),
  })
  return { status: res.status, body: await res.json().catch(() => ({})) }
}

/** The head of the answer to a raw request: for methods fetch() refuses to send. */
function rawHead(port, request) {
  return new Promise((resolve) => {
    let data = ""
    const socket = connect(port, "127.0.0.1", () => socket.write(request))
    socket.on("data", (d) => (data += d))
    socket.on("close", () => resolve(data.split("\r\n\r\n")[0]))
    socket.on("error", () => resolve(""))
    socket.setTimeout(10_000, () => socket.destroy())
  })
}

const one = async (sql, params) => (await db.query(sql, params)).rows[0]

try {
  log("Starting Postgres, Redis and the outbound receiver…")
  pg = await startPostgres({ dataDir: `${OUT}/pg` })
  const admin = new pgLib.Client({ connectionString: pg.url("postgres") })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`)
  await admin.query(`CREATE DATABASE ${DB}`)
  await admin.end()
  redis = await startRedis({ port: await freePort() })
  const receiverPort = await freePort()
  receiver = startReceiver(receiverPort)

  const env = {
    ...process.env,
    DATABASE_URL: pg.url(DB),
    REDIS_URL: redis.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    AFFILIATE_ENCRYPTION_KEY: "topology-encryption-key",
    AFFILIATE_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    // The outbound receiver listens on 127.0.0.1: private targets are refused otherwise.
    AFFILIATE_ALLOW_PRIVATE_TARGETS: "true",
    JWT_SECRET: "topology-jwt",
    COOKIE_SECRET: "topology-cookie",
    // "http" so that the servers write their access log, which one check reads.
    LOG_LEVEL: "http",
  }
  log("Building for production (medusa build, admin off) while migrating and seeding…")
  const build = buildInBackground(env)
  medusa(["db:migrate"], env)
  medusa(["exec", "./scripts/topology/seed.ts"], { ...env, TOPOLOGY_OUTPUT: `${OUT}/seed.json`, TOPOLOGY_RECEIVER_URL: `http://127.0.0.1:${receiverPort}/conversions` })
  await build
  const seed = JSON.parse(readFileSync(`${OUT}/seed.json`, "utf8"))
  db = new pgLib.Client({ connectionString: pg.url(DB) })
  await db.connect()

  const production = { ...env, NODE_ENV: "production" }
  log("Starting two servers and a worker (medusa start, MEDUSA_WORKER_MODE)…")
  const [portA, portB, portW1, portW2] = [await freePort(), await freePort(), await freePort(), await freePort()]
  await Promise.all([startMedusa("server-a", "server", portA, production), startMedusa("server-b", "server", portB, production), startMedusa("worker-1", "worker", portW1, production)])
  const { forwarding, limited, affiliate_code: code, store } = seed

  await check("each server keeps the rate limit in the shared Redis, and says so at boot", async () => {
    for (const server of ["server-a", "server-b"]) {
      assert(logOf(server).includes(`for all server processes, in Redis at ${redis.url}`), `${server} did not log the Redis rate limit`)
    }
    return `"${/S2S rate limit: [^"\\]*/.exec(logOf("server-a"))?.[0]}"`
  })

  await check("a click on one server converts on the other", async () => {
    const token = await click("server-a", forwarding.handle, code)
    const res = await convert("server-b", forwarding.api_key, { click_token: token, order_id: "CROSS-1" })
    assert(res.body.status === "success", `server B answered ${res.status} ${JSON.stringify(res.body)}`)
  })

  await check("60 concurrent identical calls across both servers record one conversion", async () => {
    const token = await click("server-b", forwarding.handle, code)
    const body = { click_token: token, order_id: "RACE-1" }
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => convert(i % 2 ? "server-a" : "server-b", forwarding.api_key, body)))
    const statuses = answers.map((a) => a.body.status)
    assert(statuses.filter((s) => s === "success").length === 1, `successes: ${statuses.filter((s) => s === "success").length}`)
    assert(statuses.filter((s) => s === "duplicate").length === 59, `statuses: ${[...new Set(statuses)]}`)
    const { n } = await one("select count(*)::int as n from affiliate_conversion where order_id = 'RACE-1'")
    assert(n === 1, `${n} conversion rows`)
    return "1 success, 59 duplicates, 1 row"
  })

  await check(`the rate limit holds across servers: ${LIMIT} of ${LIMIT + 100} calls in a burst`, async () => {
    const answers = []
    for (let batch = 0; batch < (LIMIT + 100) / 40; batch++) {
      answers.push(...(await Promise.all(Array.from({ length: 40 }, (_, i) => convert(i % 2 ? "server-a" : "server-b", limited.api_key, { click_token: "none", order_id: `L-${batch}-${i}` })))))
    }
    const accepted = answers.filter((a) => a.status !== 429).length
    assert(accepted === LIMIT, `${accepted} accepted, not ${LIMIT}`)
    const { n } = await one("select count(*)::int as n from affiliate_request_log where http_status = 429 and campaign_id = $1", [limited.id])
    assert(n === 100, `${n} refusals logged with the campaign`)
    return `${accepted} accepted, ${answers.length - accepted} answered 429 and logged with their campaign`
  })

  await check("no key reaches the servers' production access logs, however it is encoded", async () => {
    const key = limited.api_key
    const variants = [key.replace("_", "%5F"), key.replace("_", "%255F"), key.replace("s2s_", "S2s%5f"), key]
    for (const [i, v] of variants.entries()) {
      await fetch(`${base(i % 2 ? "server-a" : "server-b")}/integration/s2sConvertt?api_key=${v}`)
      await fetch(`${base(i % 2 ? "server-b" : "server-a")}/integration/s2sConvert?order_id=x&api_key=${v}`, { headers: { referer: `https://shop.example/?api_key=${v}` } })
    }
    await sleep(500)
    const logs = logOf("server-a") + logOf("server-b")
    assert(logs.includes("/integration/s2sConvertt?api_key="), "the access log has no line for the mistyped path")
    assert(!logs.includes(key.slice(10)), "a key's secret part is in a server log")
  })

  await check("every other method answers the contract's JSON 405 on a production server, and is logged", async () => {
    const methods = ["TRACE", "PROPFIND", "SEARCH", "PURGE", "PUT", "OPTIONS"]
    for (const method of methods) {
      const head = await rawHead(processes.get("server-a").port, `${method} /integration/s2sConvert HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
      assert(/^HTTP\/1\.1 405/.test(head) && /content-type: application\/json/i.test(head), `${method} answered ${head.split("\r\n")[0]}`)
    }
    const { n } = await one("select count(*)::int as n from affiliate_request_log where http_status = 405 and method = any($1)", [methods])
    assert(n === methods.length, `${n} of ${methods.length} logged`)
  })

  let orderId
  await check("an order placed while the worker is stopped converts exactly once after it resumes", async () => {
    await stopMedusa("worker-1")
    const token = await click("server-a", forwarding.handle, code)
    const cartId = await prepareCart(base("server-a"), store, token, 1)
    const h = { "x-publishable-api-key": store.publishableKey }
    orderId = (await call(base("server-b"), h, "POST", `/store/carts/${cartId}/complete`)).order.id
    await sleep(3_000)
    const before = await one("select count(*)::int as n from affiliate_conversion where order_id = $1", [orderId])
    assert(before.n === 0, "converted without a worker")
    // Two workers from here on: the outbound check below needs both.
    await Promise.all([startMedusa("worker-1", "worker", portW1, production), startMedusa("worker-2", "worker", portW2, production)])
    for (let i = 0; i < 120; i++) {
      if ((await one("select count(*)::int as n from affiliate_conversion where order_id = $1", [orderId])).n) break
      await sleep(500)
    }
    await sleep(2_000)
    const after = await one("select count(*)::int as n from affiliate_conversion where order_id = $1 and source = 'store'", [orderId])
    assert(after.n === 1, `${after.n} conversions after the worker resumed`)
    return `order ${orderId}`
  })

  await check("an outbound delivery is sent once with two workers running (refused once, retried once by the job)", async () => {
    assert(orderId, "no order from the previous check")
    // The first try is refused; the minute job retries after the 30 s backoff, on either worker.
    let delivery
    for (let i = 0; i < 180 && delivery?.status !== "delivered"; i++) {
      delivery = await one("select d.status, d.attempt_count from affiliate_outbound_delivery d join affiliate_conversion c on c.id = d.conversion_id where c.order_id = $1", [orderId])
      await sleep(1_000)
    }
    assert(delivery?.status === "delivered", `delivery ${JSON.stringify(delivery)}`)
    await sleep(3_000)
    const hits = receiver.hits.get(orderId)
    assert(hits === 2, `the network received ${hits} requests for the order`)
    assert(delivery.attempt_count === 2, `${delivery.attempt_count} attempts recorded`)
    return "2 requests (500, then 200), 2 attempts recorded"
  })

  await check("with Redis stopped, S2S calls still record conversions on both servers", async () => {
    await redis.stop()
    const outcomes = []
    for (let i = 0; i < 6; i++) {
      const server = i % 2 ? "server-a" : "server-b"
      const token = await click(server, forwarding.handle, code)
      const t0 = Date.now()
      const res = await convert(server, forwarding.api_key, { click_token: token, order_id: `OUTAGE-${i}` })
      outcomes.push({ status: res.body.status, ms: Date.now() - t0 })
    }
    await sleep(1_000)
    const warned = ["server-a", "server-b"].every((s) => /S2S rate limit: .*calls are let through/.test(logOf(s)))
    await redis.start()
    assert(outcomes.every((o) => o.status === "success"), `answers: ${JSON.stringify(outcomes)}`)
    assert(warned, "a server did not warn that the limiter lets calls through")
    return `6 of 6 recorded (slowest ${Math.max(...outcomes.map((o) => o.ms))} ms), a warning on each server`
  })

  await check("after Redis is back, calls are limited again", async () => {
    await sleep(3_000) // ioredis reconnects on its own
    const answers = await Promise.all(Array.from({ length: LIMIT + 20 }, (_, i) => convert(i % 2 ? "server-a" : "server-b", limited.api_key, { click_token: "none", order_id: `B-${i}` })))
    const refused = answers.filter((a) => a.status === 429).length
    assert(refused === 20, `${refused} refused`)
  })
} catch (e) {
  log(`setup failed: ${e.stack ?? e}`)
  results.push({ name: "setup", ok: false, detail: e.message })
} finally {
  await stopAll()
}

const failed = results.filter((r) => !r.ok)
writeFileSync(`${OUT}/results.json`, JSON.stringify({ seconds: Math.round((Date.now() - started) / 1000), results }, null, 2))
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed in ${((Date.now() - started) / 1000).toFixed(0)} s (logs in ${OUT}/logs)`)
process.exit(failed.length ? 1 : 0)
