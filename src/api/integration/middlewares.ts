import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { handleS2sCall } from "./s2sConvert/route"
import { handleValidateCall } from "./s2sValidate/route"

/**
 * Medusa registers route handlers only for GET, POST, PUT, PATCH, DELETE, OPTIONS and HEAD; any
 * other method Node parses (TRACE, PROPFIND, SEARCH, PURGE, …) would fall through to Express's
 * HTML 404 without a log entry. Mounted without a method, this runs for all of them and hands
 * them to the endpoint, which answers the contract's JSON 405 and logs it.
 */
function answerOtherMethods(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method === "GET" || req.method === "POST") return next()
  return handleS2sCall(req, res)
}

/** The same for `s2sValidate`, which takes POST only: a GET is a 405 there too. */
function answerValidateOtherMethods(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method === "POST") return next()
  return handleValidateCall(req, res)
}

export const integrationMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/integration/s2sConvert",
    // Parsed by the route itself: the contract's 400/413/415 bodies and strict percent-decoding.
    bodyParser: false,
    middlewares: [answerOtherMethods],
  },
  {
    matcher: "/integration/s2sValidate",
    // Parsed by the route itself: JSON of up to 1 MB, the contract's 400/413/415 bodies.
    bodyParser: false,
    middlewares: [answerValidateOtherMethods],
  },
]
