// Scenario (e) of `npm run bench`: the S2S hot path on plain node:http + a knex pool, running the
// module's own `recordS2sCall` (key lookup, rate limit, validation, decision, pricing, the one
// recording statement and the log entry) from the production build. What it costs beyond this is
// the framework: routing, middlewares, the container and the module service's wrappers.
import { createServer } from "node:http"
import { createRequire } from "node:module"
import { randomBytes } from "node:crypto"
import path from "node:path"

const require = createRequire(import.meta.url)
const built = (p) => require(path.resolve(".medusa/server/src/modules/affiliate", p))
const { recordS2sCall } = built("conversions/record-s2s-call.js")
const { TrackingRepository } = built("repositories/tracking.js")
const { ReportingRepository } = built("repositories/reporting.js")
const { RateLimiter } = built("rate-limit/memory-rate-limiter.js")
const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL, pool: { min: 2, max: 10 } })

// The repositories only ask their manager for a knex (there is no transaction here).
const manager = { getTransactionContext: () => undefined, getKnex: () => knex }
const limiter = new RateLimiter(Number(process.env.RATE_LIMIT_PER_MINUTE ?? 0))
const deps = {
  tracking: new TrackingRepository({ manager }),
  reporting: new ReportingRepository({ manager }),
  rateLimit: { take: async (key) => limiter.take(key), close: async () => undefined, description: "memory" },
  rateLimitPerMinute: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 0),
  ipHashKey: randomBytes(32),
}

const server = createServer(async (req, res) => {
  const chunks = []
  for await (const c of req) chunks.push(c)
  const call = { request_id: "bench", method: "POST", api_key: req.headers["x-api-key"] ?? null, params: JSON.parse(Buffer.concat(chunks).toString("utf8")) }
  const { answer: result } = await recordS2sCall(deps, call, {})
  res.writeHead(result.http, { "content-type": "application/json", ...result.headers })
  res.end(JSON.stringify(result.body))
})
server.listen(Number(process.env.PORT), () => process.send?.("ready"))
