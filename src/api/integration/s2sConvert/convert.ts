import type { MedusaRequest } from "@medusajs/framework/http"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import * as answer from "../../../modules/affiliate/utils/s2s-answers"
import { presentedKey, refusedEntry } from "../answer-call"
import { readS2sParams } from "./read-input"

/**
 * The HTTP side of an S2S call: the method, the body as sent and where the key came from. What the
 * call means (the key, the rate limit, the fields, the decision, what it earns) is the module's
 * `recordS2sConversion`. Calls refused here (method, media type, size, undecodable input) are
 * logged too: every call has its request-log entry.
 */
export async function convert(req: MedusaRequest, service: AffiliateModuleService, requestId: string): Promise<answer.S2sAnswer> {
  const refused = async (result: answer.S2sAnswer, reason = result.body.message) => {
    await service.logRequest(refusedEntry(req, requestId, "s2s", result.http, result.body.status, reason))
    return result
  }
  if (req.method !== "GET" && req.method !== "POST") {
    const notAllowed = answer.failed(405, `Method ${req.method} not allowed: use POST or GET`)
    return refused({ ...notAllowed, headers: { Allow: "GET, POST" } })
  }
  const input = await readS2sParams(req)
  if (!("params" in input)) return refused(answer.failed(input.http, input.message, input.errors), input.reason)
  return service.recordS2sConversion({ request_id: requestId, method: req.method, api_key: presentedKey(req, input.params.api_key), params: input.params })
}
