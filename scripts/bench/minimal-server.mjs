// Scenario (e) of `npm run bench`: the S2S hot path on plain node:http + knex/pg, running the very
// same SQL and commission code as the plugin's route (loaded from the production build). It shows
// what the data path costs without the framework.
import { createServer } from "node:http"
import { createRequire } from "node:module"
import path from "node:path"

const require = createRequire(import.meta.url)
const built = (p) => require(path.resolve(".medusa/server/src", p))
// The module's private SQL, on purpose: this baseline measures the statements without the framework.
const { findS2sContext } = built("modules/affiliate/queries/s2s-context.js")
const { recordConversion } = built("modules/affiliate/queries/conversion.js")
const { hashApiKey } = built("lib/api-key.js")
const { computeCommission } = built("lib/money.js")
const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL, pool: { min: 2, max: 10 } })

const server = createServer(async (req, res) => {
  const chunks = []
  for await (const c of req) chunks.push(c)
  const body = JSON.parse(Buffer.concat(chunks).toString("utf8"))
  const hash = hashApiKey(req.headers["x-api-key"])
  const ctx = await findS2sContext(knex, hash, body.click_token)
  if (!ctx?.click_id) {
    res.writeHead(422, { "content-type": "application/json" }).end('{"status":"error"}')
    return
  }
  const commission = computeCommission(ctx, body.order_total, body.order_currency)
  const result = await recordConversion(
    knex,
    {
      campaign_id: ctx.campaign_id, affiliate_id: ctx.affiliate_id, click_id: ctx.click_id, order_id: body.order_id,
      order_total: body.order_total, order_currency: body.order_currency.toLowerCase(), commission_amount: commission.amount,
      commission_currency: commission.currency, source: "s2s", is_test: false, limited_data_use: false, user_agent: null,
      ip_hash: null, device_type: null, context: null, occurred_at: new Date(), metadata: null,
    },
    { request_id: "bench", source: "s2s", method: "POST", campaign_id: ctx.campaign_id, key_prefix: "s2s_bench", order_id: body.order_id, click_token: body.click_token, is_test: false, http_status: 200 }
  )
  res.writeHead(200, { "content-type": "application/json" })
  res.end(JSON.stringify({ status: result.created ? "success" : "duplicate", conversion_id: result.conversion_id }))
})
server.listen(Number(process.env.PORT), () => process.send?.("ready"))
