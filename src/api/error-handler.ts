import { errorHandler, getHttpResponseFromError, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { redactForLog } from "../modules/affiliate/utils/log-redaction"
import { isPluginPath } from "./plugin-paths"

type ErrorHandler = (err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void

/**
 * PostgreSQL's "data exception" class (22xxx): the value itself is wrong (a character it cannot
 * store, a number out of range, a string too long), so it came from the client. The input guards
 * refuse these first; this is the net under them.
 */
const isDataException = (err: unknown) => /^22[0-9A-Z]{3}$/.test(String((err as { code?: unknown })?.code ?? ""))

/** Express's own refusal of a path parameter that is not valid percent-encoding. */
const isUndecodablePath = (err: unknown) => err instanceof URIError || /^Failed to decode param/.test(String((err as Error)?.message))

const isConflict = (err: unknown) => MedusaError.isMedusaError(err) && (err as MedusaError).type === MedusaError.Types.CONFLICT

const jsonMessage = (message: string) => ({ type: "invalid_data", message })

/**
 * The plugin's error handler, for its own paths only (`/integration`, `/affiliate`,
 * `/admin/affiliate`, `/store/affiliate`, `/store/carts/:id/affiliate`); every other path keeps
 * `fallback`, Medusa's own handler unless a host passes its own. Under the plugin's paths:
 * - a path that is not valid percent-encoding answers 400 (Express reports it as a 500 otherwise);
 * - a value PostgreSQL refuses as data answers 400, never a 500;
 * - client errors are logged as one warning line with the request id, never a stack trace, and
 *   the URL in it has its API keys redacted.
 * Everything else is answered exactly as Medusa answers it.
 */
export function affiliateErrorHandler(fallback: ErrorHandler = errorHandler() as ErrorHandler): ErrorHandler {
  return function handleAffiliateError(err, req, res, next) {
    if (!isPluginPath(req.path) || res.headersSent) return fallback(err, req, res, next)
    let status: number
    let body: Record<string, unknown>
    if (isUndecodablePath(err)) {
      status = 400
      body = jsonMessage("The request path is not valid percent-encoding")
    } else if (isDataException(err)) {
      status = 400
      body = jsonMessage("A value in the request cannot be stored: check for NUL characters, unpaired surrogates and values out of range")
    } else {
      const answer = getHttpResponseFromError(err as Error)
      if (answer.statusCode >= 500) return fallback(err, req, res, next)
      status = answer.statusCode
      body = answer.body as Record<string, unknown>
      // Medusa words every 409 as an idempotency retry; the plugin's conflicts say what happened
      // (the conversion was approved meanwhile, the payout is paid already, the code is taken).
      if (isConflict(err)) body = { ...body, message: (err as MedusaError).message }
      const issues = (err as { issues?: unknown })?.issues
      if (Array.isArray(issues)) return fallback(err, req, res, next) // Medusa words zod's issues itself.
    }
    logClientError(req, status, String(body.message ?? ""))
    res.status(status).json(body)
  }
}

function logClientError(req: MedusaRequest, status: number, message: string) {
  const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER) ?? console
  const requestId = redactForLog(String((req as { requestId?: unknown }).requestId ?? "-")).slice(0, 100)
  logger.warn(`${req.method} ${redactForLog(req.originalUrl ?? req.url).slice(0, 500)} answered ${status}: ${redactForLog(message).slice(0, 300)} (request ${requestId})`)
}
