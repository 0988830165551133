#!/usr/bin/env node
// `npm run bench:scale`: the admin and the hot paths at the volume of a program that succeeded.
// Builds for production, measures every endpoint on an empty campaign, loads the volume with SQL
// (default 10 M clicks, 1 M conversions, 5 M request-log rows), measures again, runs retention
// while S2S calls keep coming, and prints p50/p90 per endpoint, load time, table sizes and bytes
// per click. Writes .bench/scale-results.json. Sizes: SCALE_CLICKS, SCALE_CONVERSIONS,
// SCALE_LOG_ROWS, SCALE_DAYS (how far back the clicks go).
import { writeFileSync } from "node:fs"
import autocannon from "autocannon"
import { prepareProductionApp } from "./bench/production-app.mjs"
import { loadVolume } from "./bench/scale-load.mjs"

const OUT = ".bench"
const VOLUME = {
  clicks: Number(process.env.SCALE_CLICKS || 10_000_000),
  conversions: Number(process.env.SCALE_CONVERSIONS || 1_000_000),
  logRows: Number(process.env.SCALE_LOG_ROWS || 5_000_000),
  days: Number(process.env.SCALE_DAYS || 120),
}
const SAMPLES = Number(process.env.SCALE_SAMPLES || 40)
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

const prepared = await prepareProductionApp({ name: "scale", out: OUT, env: { AFFILIATE_RATE_LIMIT_PER_MINUTE: "0" }, log })
try {
  const { base, seed, sql } = prepared
  const server = await prepared.start()
  const { adminHeaders } = server

  const endpoints = await endpointsFor(seed)
  log("measuring on the empty campaign…")
  const empty = await measureAll(endpoints)

  const t0 = Date.now()
  await loadVolume(sql, { campaignId: seed.campaign_id, affiliates: 200, windowDays: 30, ...VOLUME, log: (m) => log(`load: ${m}`) })
  const loadSeconds = Math.round((Date.now() - t0) / 1000)
  log(`loaded in ${loadSeconds} s; measuring at volume…`)
  const loaded = await measureAll(endpoints)
  const sizes = await tableSizes()

  log("retention while S2S calls keep coming…")
  const retention = await measureRetention(endpoints)
  const sizesAfter = await tableSizes({ vacuumFull: true })

  const results = { measured_at: new Date().toISOString(), volume: VOLUME, load_seconds: loadSeconds, samples: SAMPLES, empty, loaded, sizes, retention, sizes_after_retention: sizesAfter }
  writeFileSync(`${OUT}/scale-results.json`, JSON.stringify(results, null, 2))
  print(results)
  await sql.end()

  // ---------------------------------------------------------------------------------------------

  async function endpointsFor(seed) {
    const c = seed.campaign_id
    const admin = (name, path) => ({ name, path, headers: adminHeaders })
    const { rows: [aff] } = await sql.query("SELECT id FROM affiliate WHERE code = $1", [seed.affiliate_code])
    // The loaded volume's affiliate 7 once it exists, the demo's affiliate before the load.
    const partner = async () => ((await sql.query("SELECT 1 FROM affiliate WHERE id = 'aff_scale_7'")).rowCount ? "aff_scale_7" : aff.id)
    const statementPath = async () => {
      const link = await fetch(`${base}/admin/affiliate/affiliates/${await partner()}/statement-link`, { method: "POST", headers: adminHeaders })
      return `${new URL((await link.json()).url).pathname}?days=90`
    }
    return [
      { name: "POST /integration/s2sConvert (new conversion)", s2s: true },
      { name: "GET /affiliate/click/:campaign (redirect)", path: `/affiliate/click/${seed.handle}?aff=${seed.affiliate_code}`, headers: { "user-agent": BROWSER_UA }, redirect: true },
      admin("GET /admin/affiliate/stats/campaigns", "/admin/affiliate/stats/campaigns"),
      admin("GET /admin/affiliate/campaigns/:id/stats?days=90", `/admin/affiliate/campaigns/${c}/stats?days=90`),
      admin("GET /admin/affiliate/clicks?campaign_id&limit=20", `/admin/affiliate/clicks?campaign_id=${c}&limit=20`),
      admin("GET /admin/affiliate/requests?campaign_id&limit=20", `/admin/affiliate/requests?campaign_id=${c}&limit=20`),
      admin("GET /admin/affiliate/conversions?campaign_id&limit=20", `/admin/affiliate/conversions?campaign_id=${c}&limit=20`),
      admin("GET /admin/affiliate/campaigns", "/admin/affiliate/campaigns?limit=20"),
      admin("GET /admin/affiliate/affiliates", "/admin/affiliate/affiliates?limit=20"),
      admin("GET /admin/affiliate/clicks (no filter)", "/admin/affiliate/clicks?limit=20"),
      admin("GET /admin/affiliate/clicks?affiliate_id", `/admin/affiliate/clicks?affiliate_id=${aff.id}&limit=20`),
      admin("GET /admin/affiliate/clicks?affiliate_id=scale-7", `/admin/affiliate/clicks?affiliate_id=aff_scale_7&limit=20`),
      admin("GET /admin/affiliate/clicks?device_type=tablet", `/admin/affiliate/clicks?campaign_id=${c}&device_type=tablet&limit=20`),
      admin("GET /admin/affiliate/clicks?created_at (one day)", `/admin/affiliate/clicks?campaign_id=${c}&created_at[gte]=${daysAgo(45)}&created_at[lte]=${daysAgo(44)}&limit=20`),
      admin("GET /admin/affiliate/clicks?click_token", `/admin/affiliate/clicks?click_token=S${"0".repeat(21)}`),
      admin("GET /admin/affiliate/conversions?status=rejected", `/admin/affiliate/conversions?campaign_id=${c}&status=rejected&limit=20`),
      admin("GET /admin/affiliate/conversions?affiliate_id", `/admin/affiliate/conversions?affiliate_id=aff_scale_7&limit=20`),
      admin("GET /admin/affiliate/conversions?order_id", `/admin/affiliate/conversions?order_id=ORDER-4242`),
      admin("GET /admin/affiliate/conversions?created_at (one day)", `/admin/affiliate/conversions?created_at[gte]=${daysAgo(45)}&created_at[lte]=${daysAgo(44)}&limit=20`),
      admin("GET /admin/affiliate/requests?outcome=error", `/admin/affiliate/requests?campaign_id=${c}&outcome=error&limit=20`),
      admin("GET /admin/affiliate/requests?request_id", `/admin/affiliate/requests?request_id=req_scale_4242`),
      admin("GET /admin/affiliate/requests?order_id", `/admin/affiliate/requests?order_id=ORDER-4242`),
      admin("GET /admin/affiliate/requests?click_token", `/admin/affiliate/requests?click_token=S${"1".repeat(21)}`),
      admin("GET /admin/affiliate/outbound-deliveries", `/admin/affiliate/outbound-deliveries?campaign_id=${c}&limit=20`),
      admin("GET /admin/affiliate/retention", "/admin/affiliate/retention"),
      admin("GET /admin/affiliate/affiliates/:id/stats?days=90", async () => `/admin/affiliate/affiliates/${await partner()}/stats?days=90`),
      admin("GET /admin/affiliate/balances", "/admin/affiliate/balances"),
      admin("GET /admin/affiliate/payouts", "/admin/affiliate/payouts?limit=20"),
      { name: "GET /affiliate/statement/:token?days=90 (HTML)", path: statementPath },
      // The shop's read-back of its conversions (contract, section 9), by its key.
      { name: "GET /integration/s2sConversions?limit=100", path: "/integration/s2sConversions?limit=100", headers: { "x-api-key": seed.api_key } },
      { name: "GET /integration/s2sConversions?status=rejected", path: "/integration/s2sConversions?status=rejected&limit=100", headers: { "x-api-key": seed.api_key } },
      { name: "GET /integration/s2sConversions?created_at (one day)", path: `/integration/s2sConversions?created_at[gte]=${daysAgo(45)}&created_at[lte]=${daysAgo(44)}&limit=100`, headers: { "x-api-key": seed.api_key } },
    ]
  }

  async function measureAll(endpoints) {
    const out = {}
    for (const e of endpoints) out[e.name] = e.s2s ? await measureS2s() : await measure(e)
    return out
  }

  async function measure(e) {
    const path = typeof e.path === "function" ? await e.path() : e.path
    const times = []
    let status = 0
    for (let i = 0; i < SAMPLES + 5; i++) {
      const t = performance.now()
      const res = await fetch(`${base}${path}`, { headers: e.headers, redirect: "manual" })
      await res.arrayBuffer()
      status = res.status
      if (i >= 5) times.push(performance.now() - t)
    }
    return { ...percentiles(times), status }
  }

  /** Fresh clicks (with known tokens) converted one call at a time. */
  async function measureS2s() {
    const tokens = await freshClicks(SAMPLES + 5)
    const times = []
    let status = 0
    for (const [i, token] of tokens.entries()) {
      const t = performance.now()
      const res = await fetch(`${base}/integration/s2sConvert`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": seed.api_key },
        body: JSON.stringify({ click_token: token, order_id: `scale-${token}`, order_total: "129.99", order_currency: "USD" }),
      })
      await res.arrayBuffer()
      status = res.status
      if (i >= 5) times.push(performance.now() - t)
    }
    return { ...percentiles(times), status }
  }

  async function freshClicks(n) {
    const { rows: [aff] } = await sql.query("SELECT id FROM affiliate WHERE code = $1", [seed.affiliate_code])
    const tokens = Array.from({ length: n }, () => `F${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`)
    await sql.query(
      `INSERT INTO affiliate_click (id, click_token, campaign_id, affiliate_id, landing_url, device_type, expires_at)
       SELECT 'aclk_fresh_' || t, t, $2, $3, 'https://shop.example.com/', 'desktop', now() + interval '30 days' FROM unnest($1::text[]) t`,
      [tokens, seed.campaign_id, aff.id]
    )
    return tokens
  }

  async function measureRetention() {
    const tokens = await freshClicks(100_000)
    let next = 0
    /** S2S calls at 4 connections until `stop()`; resolves with autocannon's result. */
    const s2sLoad = (seconds) => {
      let stopper
      const done = new Promise((resolve) => {
        const instance = autocannon(
          {
            url: `${base}/integration/s2sConvert`,
            method: "POST",
            connections: 4,
            duration: seconds,
            headers: { "content-type": "application/json", "x-api-key": seed.api_key },
            requests: [{ setupRequest: (r) => ({ ...r, body: JSON.stringify({ click_token: tokens[next++ % tokens.length], order_id: `ret-${next}`, order_total: "10", order_currency: "USD" }) }) }],
          },
          (_err, result) => resolve(result)
        )
        stopper = () => instance.stop()
      })
      return { done, stop: () => stopper() }
    }
    const quiet = await s2sLoad(15).done
    const busy = s2sLoad(900)
    const started = Date.now()
    const run = await fetch(`${base}/admin/affiliate/retention/run`, { method: "POST", headers: adminHeaders })
    let report = { status: run.status }
    if (run.ok) {
      // Poll until the pass this POST started has finished.
      await new Promise((r) => setTimeout(r, 1000))
      for (;;) {
        const { runs } = await fetch(`${base}/admin/affiliate/retention`, { headers: adminHeaders }).then((r) => r.json())
        report = runs[0]
        if (report && report.status !== "running") break
        await new Promise((r) => setTimeout(r, 1000))
      }
    }
    const retentionSeconds = Math.round((Date.now() - started) / 1000)
    busy.stop()
    const during = await busy.done
    return {
      retention_seconds: retentionSeconds,
      report,
      s2s_without: { rps: Math.round(quiet.requests.average), p50: quiet.latency.p50, p99: quiet.latency.p99 },
      s2s_during: { rps: Math.round(during.requests.average), p50: during.latency.p50, p99: during.latency.p99 },
    }
  }

  async function tableSizes({ vacuumFull = false } = {}) {
    // VACUUM FULL rewrites each table compactly: what retention frees becomes visible as size.
    if (vacuumFull) for (const t of ["affiliate_click", "affiliate_request_log", "affiliate_conversion"]) await sql.query(`VACUUM FULL ${t}`)
    const tables = ["affiliate_click", "affiliate_conversion", "affiliate_request_log", "affiliate_stat_daily"]
    const out = {}
    for (const t of tables) {
      const { rows: [r] } = await sql.query(
        `SELECT pg_total_relation_size($1::regclass) AS total, pg_relation_size($1::regclass) AS heap, pg_indexes_size($1::regclass) AS indexes,
                (SELECT count(*) FROM ${t}) AS rows`,
        [t]
      )
      out[t] = { rows: Number(r.rows), total_mb: mb(r.total), heap_mb: mb(r.heap), indexes_mb: mb(r.indexes), bytes_per_row: Math.round(r.total / Math.max(1, r.rows)) }
    }
    const { rows: idx } = await sql.query(
      `SELECT indexrelname AS name, pg_relation_size(indexrelid) AS size FROM pg_stat_user_indexes WHERE relname = 'affiliate_click' ORDER BY 1`
    )
    out.click_indexes = Object.fromEntries(idx.map((i) => [i.name, mb(i.size)]))
    return out
  }
} catch (e) {
  console.error(e)
  process.exitCode = 1
} finally {
  await prepared.stop()
}

function print(r) {
  console.log(`\nvolume: ${r.volume.clicks.toLocaleString()} clicks, ${r.volume.conversions.toLocaleString()} conversions, ${r.volume.logRows.toLocaleString()} request-log rows; loaded in ${r.load_seconds} s\n`)
  console.log(`${"endpoint".padEnd(58)} ${"empty p50".padStart(10)} ${"p90".padStart(7)}   ${"volume p50".padStart(10)} ${"p90".padStart(7)}`)
  for (const name of Object.keys(r.loaded)) {
    const e = r.empty[name]
    const l = r.loaded[name]
    console.log(`${name.padEnd(58)} ${ms(e.p50).padStart(10)} ${ms(e.p90).padStart(7)}   ${ms(l.p50).padStart(10)} ${ms(l.p90).padStart(7)}${l.status >= 400 ? `  (HTTP ${l.status})` : ""}`)
  }
  console.log("\ntable sizes (MB) and bytes per row, before retention → after retention (VACUUM FULL):")
  for (const t of ["affiliate_click", "affiliate_conversion", "affiliate_request_log", "affiliate_stat_daily"]) {
    const b = r.sizes[t]
    const a = r.sizes_after_retention[t]
    console.log(`  ${t.padEnd(24)} ${String(b.rows).padStart(10)} rows ${String(b.total_mb).padStart(8)} MB ${String(b.bytes_per_row).padStart(5)} B/row  →  ${String(a.rows).padStart(10)} rows ${String(a.total_mb).padStart(8)} MB ${String(a.bytes_per_row).padStart(5)} B/row`)
  }
  console.log(`  click indexes (MB): ${JSON.stringify(r.sizes.click_indexes)}`)
  const ret = r.retention
  console.log(`\nretention: ${ret.retention_seconds} s, ${JSON.stringify(ret.report)}`)
  console.log(`S2S under load (4 connections): without retention p50 ${ret.s2s_without.p50} ms p99 ${ret.s2s_without.p99} ms ${ret.s2s_without.rps} req/s; during retention p50 ${ret.s2s_during.p50} ms p99 ${ret.s2s_during.p99} ms ${ret.s2s_during.rps} req/s`)
  console.log(`written to ${OUT}/scale-results.json`)
}

function percentiles(times) {
  const s = [...times].sort((a, b) => a - b)
  const at = (q) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 10) / 10
  return { p50: at(0.5), p90: at(0.9) }
}
function ms(v) {
  return `${v} ms`
}
function mb(bytes) {
  return Math.round(Number(bytes) / 1024 / 1024)
}
function daysAgo(d) {
  return new Date(Date.now() - d * 86_400_000).toISOString()
}
function log(m) {
  console.log(`[bench:scale] ${m}`)
}
