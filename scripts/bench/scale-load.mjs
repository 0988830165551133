// Loads `npm run bench:scale`'s volume with plain SQL (INSERT … SELECT FROM generate_series), the
// way a program that ran for months would have filled the tables: clicks spread over the last
// `days` days, every tenth click converted, and a request log of S2S calls. Rows look real (user
// agents, referrers, landing URLs with ad-click ids, hashed IPs) so that sizes are honest.

const USER_AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.0.40.92 (iPhone15,2; iOS 17_4; en_US; en; scale=3.00; 1179x2556; 601420827)",
  "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
]
const DEVICES = ["mobile", "mobile", "desktop", "desktop", "mobile", "tablet"]
const REFERRERS = ["https://www.google.com/", "https://l.facebook.com/l.php?u=https%3A%2F%2Fblog.example.org%2F", "https://blog.example.org/reviews/best-running-shoes-2026", "https://t.co/a1b2c3d4e5", null, null]

const sqlText = (s) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`)
const pick = (list, i) => `(ARRAY[${list.map(sqlText).join(",")}])[1 + (${i}) % ${list.length}]`

/**
 * @param {import("pg").Client} client
 * @param {{ campaignId: string, affiliates: number, clicks: number, conversions: number, logRows: number, days: number,
 *           windowDays: number, log?: (m: string) => void }} o
 */
export async function loadVolume(client, o) {
  const log = o.log ?? (() => {})
  // Triggers off while loading (the rollups are rebuilt in one pass at the end), as `pg_restore` would.
  await client.query("SET session_replication_role = replica")
  const ageOf = (i, n) => `now() - ((${n} - ${i})::float / ${n}) * interval '${o.days} days'`

  log(`${o.affiliates} affiliates`)
  await client.query(
    `INSERT INTO affiliate (id, code, name, email)
     SELECT 'aff_scale_' || a, 'scale-' || a, 'Scale partner ' || a, 'partner' || a || '@example.com'
       FROM generate_series(1, $1) a ON CONFLICT DO NOTHING`,
    [o.affiliates]
  )

  const batch = 1_000_000
  for (let from = 1; from <= o.clicks; from += batch) {
    const to = Math.min(o.clicks, from + batch - 1)
    log(`clicks ${from.toLocaleString()}–${to.toLocaleString()}`)
    await client.query(
      `INSERT INTO affiliate_click (id, click_token, campaign_id, affiliate_id, sub1, landing_url, referrer, user_agent,
                                    device_type, ip_hash, expires_at, created_at, updated_at)
       SELECT 'aclk_scale_' || lpad(i::text, 10, '0'), 'S' || substr(md5(i::text), 1, 21), $1, 'aff_scale_' || (1 + i % $2),
              'site-' || (i % 50),
              'https://shop.example.com/landing?utm_source=affiliate&utm_medium=cpa&utm_campaign=spring&gclid=' || md5('g' || i),
              ${pick(REFERRERS, "i")}, ${pick(USER_AGENTS, "i")}, ${pick(DEVICES, "i")}, substr(md5('ip' || (i % 500000)), 1, 32),
              t + interval '${o.windowDays} days', t, t
         FROM generate_series($3::int, $4::int) i, LATERAL (SELECT ${ageOf("i", o.clicks)} AS t) at`,
      [o.campaignId, o.affiliates, from, to]
    )
  }

  const every = Math.max(1, Math.floor(o.clicks / o.conversions))
  log(`${o.conversions.toLocaleString()} conversions (every ${every}th click)`)
  await client.query(
    `INSERT INTO affiliate_conversion (id, campaign_id, affiliate_id, click_id, order_id, order_total, raw_order_total, order_currency,
                                       commission_amount, raw_commission_amount, commission_currency, status, source, occurred_at,
                                       user_agent, device_type, created_at, updated_at)
     SELECT 'aconv_scale_' || lpad(k::text, 10, '0'), c.campaign_id, c.affiliate_id, c.id, 'ORDER-' || k,
            tot, jsonb_build_object('value', tot::text, 'precision', 20), 'usd',
            round(tot / 10, 2), jsonb_build_object('value', round(tot / 10, 2)::text, 'precision', 20), 'usd',
            (ARRAY['pending','approved','approved','approved','rejected','paid','reversed'])[1 + k % 7], (ARRAY['s2s','store'])[1 + k % 2],
            c.created_at + interval '1 hour', c.user_agent, c.device_type, c.created_at + interval '1 hour', c.created_at + interval '1 hour'
       FROM generate_series(1, $1::int) k
       JOIN affiliate_click c ON c.id = 'aclk_scale_' || lpad((k * $2)::text, 10, '0'),
            LATERAL (SELECT (20 + (k % 400) + (k % 100) / 100.0)::numeric AS tot) amount`,
    [o.conversions, every]
  )

  log(`${o.logRows.toLocaleString()} request-log rows`)
  await client.query(
    `INSERT INTO affiliate_request_log (id, request_id, source, method, outcome, http_status, reason, campaign_id, key_prefix,
                                        order_id, click_token, is_test, created_at, updated_at)
     SELECT 'areq_scale_' || lpad(r::text, 10, '0'), 'req_scale_' || r, 's2s', 'POST',
            (ARRAY['success','success','success','duplicate','error','skipped'])[1 + r % 6],
            (ARRAY[200,200,200,200,422,200])[1 + r % 6],
            (ARRAY['recorded','recorded','recorded','order already recorded','unknown_click','consent_not_granted'])[1 + r % 6],
            $1, 's2s_scale0…', 'ORDER-' || r, 'S' || substr(md5(r::text), 1, 21), false, t, t
       FROM generate_series(1, $2::int) r, LATERAL (SELECT ${ageOf("r", o.logRows)} AS t) at`,
    [o.campaignId, o.logRows]
  )

  await client.query("SET session_replication_role = DEFAULT")
  log("rebuilding the rollups")
  await client.query("DELETE FROM affiliate_stat_daily WHERE campaign_id = $1", [o.campaignId])
  await client.query("DELETE FROM affiliate_stat_delta WHERE campaign_id = $1", [o.campaignId])
  await client.query(
    `INSERT INTO affiliate_stat_daily (campaign_id, affiliate_id, day, clicks)
     SELECT campaign_id, affiliate_id, (created_at at time zone 'UTC')::date, count(*) FROM affiliate_click
      WHERE campaign_id = $1 AND deleted_at IS NULL GROUP BY 1, 2, 3`,
    [o.campaignId]
  )
  await client.query(
    `INSERT INTO affiliate_stat_daily (campaign_id, affiliate_id, day, currency_code, status, conversions, commission)
     SELECT campaign_id, affiliate_id, (created_at at time zone 'UTC')::date, commission_currency, status, count(*), sum(commission_amount)
       FROM affiliate_conversion WHERE campaign_id = $1 AND deleted_at IS NULL AND NOT is_test GROUP BY 1, 2, 3, 4, 5`,
    [o.campaignId]
  )
  log("ANALYZE")
  await client.query("ANALYZE")
}
