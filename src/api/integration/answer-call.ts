import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { redactApiKeys } from "../../modules/affiliate/utils/api-key"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"
import type { RequestLogInput } from "../../modules/affiliate/types"
import { entityId } from "../../modules/affiliate/utils/entity-id"
import { failed } from "../../modules/affiliate/utils/s2s-answers"

/** What a shop's call answers: an HTTP status, a JSON body (the `request_id` is added) or CSV text, and headers. */
export type CallAnswer = { http: number; body: object; headers?: Record<string, string> } | { http: number; csv: string; headers?: Record<string, string> }

/**
 * Runs one of the shop's calls under `/integration` and answers it: every answer carries the
 * call's `request_id` (body and `X-Request-Id`) and is never cached; a fault of the server answers
 * the generic 500, with the error in the log (keys redacted) and never in the answer.
 */
export async function answerShopCall(
  req: MedusaRequest,
  res: MedusaResponse,
  source: RequestLogInput["source"],
  work: (service: AffiliateModuleService, requestId: string) => Promise<CallAnswer>,
  faultMessage = "Internal error: nothing was changed by this call, retry later"
) {
  const requestId = entityId("req")
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  let result: CallAnswer
  try {
    result = await work(service, requestId)
  } catch (e) {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    logger.error(`${req.path} ${requestId} failed: ${redactApiKeys(String((e as Error)?.stack ?? e))}`)
    result = failed(500, faultMessage)
    // Best effort: the fault may be the database itself, so a failure to log it is ignored.
    await service.logRequest(refusedEntry(req, requestId, source, 500, "error", "internal_error")).catch(() => undefined)
  }
  res.set({ "X-Request-Id": requestId, "Cache-Control": "no-store", ...result.headers })
  if ("csv" in result) {
    res.status(result.http).set({ "Content-Type": "text/csv; charset=utf-8", "X-Content-Type-Options": "nosniff" }).send(result.csv)
    return
  }
  res.status(result.http).json({ ...result.body, request_id: requestId })
}

/** The request-log entry of a call refused before the module saw it (method, media type, size, undecodable input). */
export function refusedEntry(req: MedusaRequest, requestId: string, source: RequestLogInput["source"], http: number, outcome: RequestLogInput["outcome"], reason: string): RequestLogInput {
  return {
    request_id: requestId, source, method: req.method, outcome, http_status: http, reason,
    campaign_id: null, key_prefix: null, order_id: null, click_token: null, conversion_id: null, is_test: false,
  }
}

/** The key from X-API-Key, an Authorization bearer token, or the api_key parameter, in that order. */
export function presentedKey(req: MedusaRequest, param: unknown): string | null {
  const header = req.headers["x-api-key"]
  if (typeof header === "string" && header) return header
  const auth = req.headers.authorization
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, "")
  return typeof param === "string" && param ? param : null
}
