import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { redactStatementTokens } from "../../../modules/affiliate/utils/statement-token"

/**
 * The access log prints `originalUrl` when the answer ends: the statement's token would land there
 * whole. Routing uses `req.path` and the route reads `req.params`, so only the log changes.
 */
function redactTokenFromUrl(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.originalUrl = redactStatementTokens(req.originalUrl)
  next()
}

export const statementMiddlewares: MiddlewareRoute[] = [{ matcher: "/affiliate/statement/:token", middlewares: [redactTokenFromUrl] }]
