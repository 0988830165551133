import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { redactApiKeys } from "../../../lib/api-key"
import { entityId } from "../../../modules/affiliate/utils/entity-id"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { failed, S2sAnswer } from "./answers"
import { convert } from "./convert"

/**
 * POST/GET /integration/s2sConvert: external shops report conversions with a campaign's API key.
 * Every answer is JSON with a status, a message and a request_id; client input never yields a 5xx.
 */
export async function handleS2sCall(req: MedusaRequest, res: MedusaResponse) {
  const requestId = entityId("req")
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  let result: S2sAnswer
  try {
    result = await convert(req, service, requestId)
  } catch (e) {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    logger.error(`s2sConvert ${requestId} failed: ${redactApiKeys(String((e as Error)?.stack ?? e))}`)
    result = failed(500, "Internal error: the conversion was not recorded, retry later")
    await logFault(service, req.method, requestId).catch(() => undefined)
  }
  res.set({ "X-Request-Id": requestId, "Cache-Control": "no-store", ...result.headers })
  res.status(result.http).json({ ...result.body, request_id: requestId })
}

/** Best effort: the fault may be the database itself, so a failure to log it is ignored. */
async function logFault(service: AffiliateModuleService, method: string, requestId: string) {
  await service.logRequest({
    request_id: requestId, source: "s2s", method, outcome: "error", http_status: 500, reason: "internal_error",
    campaign_id: null, key_prefix: null, order_id: null, click_token: null, conversion_id: null, is_test: false,
  })
}

export const GET = handleS2sCall
export const POST = handleS2sCall
// Every other method is answered with the contract's 405 by ../middlewares.ts.
