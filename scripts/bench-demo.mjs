#!/usr/bin/env node
// `npm run bench:demo`: the benchmark's loads (a) /health, (b) new S2S conversions, (c) duplicates
// and (d) the redirect against the demo as `npm run demo` runs it (start it first, in another
// terminal, as `AFFILIATE_RATE_LIMIT_PER_MINUTE=0 npm run demo`: else (b) meets the S2S rate
// limit and measures 429s), with the ratios beside those of the last `npm run bench` (.bench/results.json). The
// demo is a development setup (the admin built in, an access log line per request, the S2S rate
// limit on): the ratios should stay within 20 % of the production build's.
import { existsSync, readFileSync } from "node:fs"
import { randomBytes } from "node:crypto"
import { BROWSER_UA, measureLoad } from "./bench/load.mjs"

const base = process.env.BENCH_URL || `http://localhost:${process.env.PORT || 9000}`
const seedFile = process.env.BENCH_SEED || ".demo-data/demo.json"
if (!existsSync(seedFile)) {
  console.error(`${seedFile} not found: start the demo first (npm run demo), then run this in another terminal.`)
  process.exit(1)
}
const seed = JSON.parse(readFileSync(seedFile, "utf8"))
const link = `${base}/affiliate/click/${seed.handle}?aff=${seed.affiliate_code}`

// Tokens from real clicks; a click may convert many orders (the demo campaign credits every order).
const tokens = []
for (let i = 0; i < 200; i++) {
  const res = await fetch(link, { redirect: "manual", headers: { "user-agent": BROWSER_UA } })
  const token = new URL(res.headers.get("location") ?? "", base).searchParams.get("click_token")
  if (!token) throw new Error(`the demo link answered ${res.status} without a click_token`)
  tokens.push(token)
}
const run = randomBytes(4).toString("hex")
let next = 0
const freshOrder = () =>
  JSON.stringify({ click_token: tokens[next % tokens.length], order_id: `bench-demo-${run}-${next++}`, order_total: "129.99", order_currency: "USD" })
const headers = { "content-type": "application/json", "x-api-key": seed.api_key }

const results = {
  health: await measureLoad("a. Medusa /health", { url: `${base}/health` }),
  s2s_new: await measureLoad("b. s2sConvert, new conversions", {
    url: `${base}/integration/s2sConvert`, method: "POST", headers, requests: [{ setupRequest: (r) => ({ ...r, body: freshOrder() }) }],
  }),
  s2s_duplicate: await measureLoad("c. s2sConvert, duplicates", {
    url: `${base}/integration/s2sConvert`, method: "POST", headers, body: JSON.stringify({ click_token: tokens[0], order_id: `bench-demo-${run}-0`, order_total: "129.99", order_currency: "USD" }),
  }),
  click: await measureLoad("d. affiliate link redirect", { url: link, headers: { "user-agent": BROWSER_UA } }),
}

console.log("\nscenario (against the demo)           req/s    p50 ms   p99 ms   errors (429: the rate limit)")
for (const r of Object.values(results)) {
  console.log(`${r.name.padEnd(36)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)}`)
}
if (results.s2s_new.errors) console.log("\n(b) had errors: is the demo's rate limit on? Start it with AFFILIATE_RATE_LIMIT_PER_MINUTE=0.")
const ratio = (x) => Number((results[x].rps / results.health.rps).toFixed(2))
const production = existsSync(".bench/results.json") ? JSON.parse(readFileSync(".bench/results.json", "utf8")).ratios : null
for (const [name, key, target] of [["b/a", "s2s_new", "≥ 0.5"], ["d/a", "click", "≥ 0.6"]]) {
  const against = production ? `; production build ${production[name]} (${Math.round((ratio(key) / production[name] - 1) * 100)} %)` : ""
  console.log(`${name}: demo ${ratio(key)} (target ${target})${against}`)
}
