// Real orders placed through the Store API as a storefront places them (cart, item, addresses,
// shipping, affiliate capture with consent, payment, complete). Scenario (f) of `npm run bench`
// places them at a steady rate and measures how soon the plugin's conversion can be read; the
// browser tests use it to place the order whose page shows the attribution widget.
import pgLib from "pg"

const ADDRESS = { first_name: "Bench", last_name: "Shopper", address_1: "1 Main St", city: "Austin", country_code: "us", postal_code: "78701", province: "tx" }

export async function call(base, headers, method, path, body) {
  const res = await fetch(base + path, { method, headers: { "content-type": "application/json", ...headers }, body: body ? JSON.stringify(body) : undefined })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(data).slice(0, 300)}`)
  return data
}

/** Everything a storefront does before "Place order", including the affiliate capture. */
export async function prepareCart(base, store, clickToken, n) {
  const h = { "x-publishable-api-key": store.publishableKey }
  const { cart } = await call(base, h, "POST", "/store/carts", { region_id: store.regionId, sales_channel_id: store.salesChannelId, email: `bench-${n}-${Date.now()}@example.com` })
  await call(base, h, "POST", `/store/carts/${cart.id}/line-items`, { variant_id: store.variantId, quantity: 1 })
  await call(base, h, "POST", `/store/carts/${cart.id}`, { shipping_address: ADDRESS, billing_address: ADDRESS })
  await call(base, h, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: store.shippingOptionId })
  await call(base, h, "POST", `/store/carts/${cart.id}/affiliate`, { click_token: clickToken, consent: "granted" })
  const { payment_collection } = await call(base, h, "POST", "/store/payment-collections", { cart_id: cart.id })
  await call(base, h, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  return cart.id
}

async function pool(items, size, fn) {
  const out = []
  let i = 0
  await Promise.all(Array.from({ length: size }, async () => {
    while (i < items.length) {
      const n = i++
      out[n] = await fn(items[n], n)
    }
  }))
  return out
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export async function measureStoreOrders({ base, store, databaseUrl, tokens, ratePerSecond = 20, seconds = 10 }) {
  const count = ratePerSecond * seconds
  const carts = await pool(tokens.slice(0, count), 8, (token, n) => prepareCart(base, store, token, n))
  const db = new pgLib.Pool({ connectionString: databaseUrl, max: 5 })
  // pg-pool's end() resolves before its clients' sockets close: Postgres stopping right after the
  // last scenario reaches a client still closing, whose error would otherwise end the benchmark.
  db.on("error", () => {})
  const h = { "x-publishable-api-key": store.publishableKey }
  const lags = []
  const completions = []
  let failures = 0
  const started = Date.now()
  await Promise.all(carts.map(async (cartId, i) => {
    // A steady rate: order i is placed at i / rate seconds.
    await new Promise((r) => setTimeout(r, started + (i * 1000) / ratePerSecond - Date.now()))
    try {
      const t0 = Date.now()
      const done = await call(base, h, "POST", `/store/carts/${cartId}/complete`)
      const placedAt = Date.now()
      completions.push(placedAt - t0)
      for (;;) {
        const { rowCount } = await db.query("SELECT 1 FROM affiliate_conversion WHERE order_id = $1", [done.order.id])
        if (rowCount) break
        if (Date.now() - placedAt > 30_000) throw new Error("no conversion after 30 s")
        await new Promise((r) => setTimeout(r, 5))
      }
      lags.push(Date.now() - placedAt)
    } catch (e) {
      failures++
      if (failures === 1) console.error(`[bench] store order failed: ${e.message}`)
    }
  }))
  await db.end()
  const elapsed = (Date.now() - started) / 1000
  lags.sort((a, b) => a - b)
  completions.sort((a, b) => a - b)
  return {
    name: `f. store orders at ${ratePerSecond}/s`,
    orders: lags.length,
    failures,
    achieved_per_s: Number((lags.length / elapsed).toFixed(1)),
    completion_p50: percentile(completions, 50),
    completion_p99: percentile(completions, 99),
    conversion_lag_p50: percentile(lags, 50),
    conversion_lag_p99: percentile(lags, 99),
  }
}
