import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { redactApiKeys } from "../../lib/api-key"

/**
 * The access log prints `originalUrl` when the response ends; a key sent as `?api_key=` would
 * land there whole. Routing uses `req.path`, so rewriting `originalUrl` changes only what is logged
 * (the route reads its query from `req.url`, which keeps it).
 */
function redactKeyFromUrl(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.originalUrl = redactApiKeys(req.originalUrl)
  next()
}

export const integrationMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/integration/s2sConvert",
    // Parsed by the route itself: the contract's 400/413/415 bodies and strict percent-decoding.
    bodyParser: false,
    middlewares: [redactKeyFromUrl],
  },
]
