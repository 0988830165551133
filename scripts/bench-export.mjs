#!/usr/bin/env node
// `npm run bench:export`: a CSV export of 1 M conversions streamed by the production build, with
// the server's memory sampled all along. Proves the export holds one batch, not the rows: the
// server's peak memory stays flat while the file grows to ~250 MB, and a client that reads slowly
// makes the server wait (back-pressure) instead of buffering. Prints rows, bytes, time and peak
// memory; writes .bench/export-results.json. Size: EXPORT_ROWS (default 1,000,000).
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { prepareProductionApp } from "./bench/production-app.mjs"

const OUT = ".bench"
const ROWS = Number(process.env.EXPORT_ROWS || 1_000_000)
const log = (m) => console.log(`[bench:export] ${m}`)

/** Resident memory (bytes) of every process in the server's process group. */
function groupRss(pgid) {
  let total = 0
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      // Fields after the command name (which may hold spaces): state is 1st, pgrp the 3rd.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) !== pgid) continue
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))
      if (rss) total += Number(rss[1]) * 1024
    } catch {}
  }
  return total
}

/** Samples the group's memory every 50 ms until stopped; answers the peak. */
function sampler(pgid) {
  let peak = groupRss(pgid)
  const timer = setInterval(() => (peak = Math.max(peak, groupRss(pgid))), 50)
  return { stop: () => (clearInterval(timer), peak), peek: () => peak }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const prepared = await prepareProductionApp({ name: "export", out: OUT, log })
try {
  const { base, seed, sql } = prepared
  log(`loading ${ROWS.toLocaleString()} conversions with SQL…`)
  const t0 = Date.now()
  const { rows: [affiliate] } = await sql.query("SELECT id FROM affiliate WHERE code = $1", [seed.affiliate_code])
  // One in a thousand order ids looks like a formula, as a hostile shop could send: the export
  // neutralises those as it goes, so they cost what they would in real life. The rollup triggers
  // are off for the load (the export does not read the rollups), as `bench:scale` loads.
  await sql.query("SET session_replication_role = replica")
  await sql.query(
    `INSERT INTO affiliate_conversion (id, campaign_id, affiliate_id, order_id, order_total, raw_order_total, order_currency,
       commission_amount, raw_commission_amount, commission_currency, source, status, occurred_at, created_at)
     SELECT 'aconv_bench_' || lpad(i::text, 9, '0'), $1, $2,
            CASE WHEN i % 1000 = 0 THEN '=HYPERLINK("http://x/' || i || '")' ELSE 'BENCH-' || i END,
            129.99, '{"value":"129.99","precision":20}', 'usd', 13.00, '{"value":"13.00","precision":20}', 'usd', 's2s', 'approved',
            now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval
       FROM generate_series(1, $3::int) i`,
    [seed.campaign_id, affiliate.id, ROWS]
  )
  await sql.query("SET session_replication_role = DEFAULT")
  await sql.query("ANALYZE affiliate_conversion")
  const loadSeconds = (Date.now() - t0) / 1000
  log(`loaded in ${loadSeconds.toFixed(0)} s; starting the production server`)

  const server = await prepared.start()
  const app = server.child
  const headers = server.adminHeaders
  const exportUrl = `${base}/admin/affiliate/conversions/export?campaign_id=${seed.campaign_id}`

  // Warm up (a small export), then let the heap settle: the baseline is the server at rest.
  await fetch(`${base}/admin/affiliate/conversions/export?order_id=BENCH-1`, { headers }).then((r) => r.text())
  await new Promise((r) => setTimeout(r, 3000))
  const baseline = groupRss(app.pid)

  log("exporting at full speed…")
  const full = sampler(app.pid)
  const started = Date.now()
  const res = await fetch(exportUrl, { headers })
  const firstByteMs = Date.now() - started
  let bytes = 0
  let newlines = 0
  let neutralised = 0
  const decoder = new TextDecoder()
  for await (const chunk of res.body) {
    bytes += chunk.length
    const text = decoder.decode(chunk, { stream: true })
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines++
    neutralised += text.split(`"'=HYPERLINK(`).length - 1
  }
  const seconds = (Date.now() - started) / 1000
  const peak = full.stop()
  const rows = newlines - 1

  log("exporting to a client that reads slowly (back-pressure)…")
  const slow = sampler(app.pid)
  const controller = new AbortController()
  const slowRes = await fetch(exportUrl, { headers, signal: controller.signal })
  const reader = slowRes.body.getReader()
  let slowBytes = 0
  const slowUntil = Date.now() + 15_000
  while (Date.now() < slowUntil) {
    const { value, done } = await reader.read()
    if (done) break
    slowBytes += value.length
    await new Promise((r) => setTimeout(r, 50))
  }
  const slowPeak = slow.stop()
  controller.abort()

  const results = {
    measured_at: new Date().toISOString(),
    rows,
    expected_rows: ROWS,
    bytes,
    seconds,
    rows_per_second: Math.round(rows / seconds),
    first_byte_ms: firstByteMs,
    formula_cells_neutralised: neutralised,
    server_rss_baseline: baseline,
    server_rss_peak_full_speed: peak,
    server_rss_peak_slow_client: slowPeak,
    slow_client_bytes_read_in_15_s: slowBytes,
    load_seconds: loadSeconds,
  }
  writeFileSync(`${OUT}/export-results.json`, JSON.stringify(results, null, 2))
  console.log(`
CSV export of ${rows.toLocaleString()} conversions (expected ${ROWS.toLocaleString()}): ${mb(bytes)} in ${seconds.toFixed(1)} s (${results.rows_per_second.toLocaleString()} rows/s), first byte after ${firstByteMs} ms, ${neutralised} formula cells neutralised
server memory (RSS of the server's processes): at rest ${mb(baseline)}, peak while streaming ${mb(peak)} (+${mb(peak - baseline)} for a ${mb(bytes)} file)
slow client (one read every 50 ms for 15 s): read ${mb(slowBytes)}, server peak ${mb(slowPeak)} (+${mb(slowPeak - baseline)}): the server waits instead of buffering`)
  if (rows !== ROWS) throw new Error(`the export has ${rows} rows, not ${ROWS}`)
  await sql.end()
} finally {
  await prepared.stop()
}
