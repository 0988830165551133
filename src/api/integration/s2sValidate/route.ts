import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ClientAborted, mediaType, NotUtf8, readRawBody } from "../../../lib/raw-body"
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "../../../lib/unstorable-text"
import * as answer from "../../../modules/affiliate/utils/s2s-answers"
import { answerShopCall, presentedKey, refusedEntry } from "../answer-call"
import { parseJsonObject } from "../s2sConvert/read-input"

export const MAX_VALIDATE_BODY_BYTES = 1024 * 1024

/**
 * POST /integration/s2sValidate: the shop approves, rejects and adjusts what it reported, after
 * returns (contract, section 9), with the campaign's API key. The method, media type (JSON only)
 * and size (1 MB) answer as on s2sConvert; the module does the rest, entry by entry.
 */
export async function handleValidateCall(req: MedusaRequest, res: MedusaResponse) {
  await answerShopCall(req, res, "s2s_validate", async (service, requestId) => {
    const refused = async (result: answer.S2sAnswer) => {
      await service.logRequest(refusedEntry(req, requestId, "s2s_validate", result.http, "error", result.body.message))
      return result
    }
    if (req.method !== "POST") {
      return refused({ ...answer.failed(405, `Method ${req.method} not allowed: use POST`), headers: { Allow: "POST" } })
    }
    if (mediaType(req) !== "application/json") return refused(answer.failed(415, "Send application/json"))
    let body: Record<string, unknown>
    try {
      const text = await readRawBody(req, MAX_VALIDATE_BODY_BYTES)
      if (text === null) return refused(answer.failed(413, "Body is larger than 1 MB"))
      body = parseJsonObject(text)
    } catch (e) {
      if (e instanceof ClientAborted) return refused(answer.failed(400, "The request body ended before it was complete"))
      if (e instanceof SyntaxError || e instanceof NotUtf8) return refused(answer.failed(400, e.message, [{ field: "body", message: e.message }]))
      throw e
    }
    const unstorable = findUnstorableText(body)
    if (unstorable) return refused(answer.failed(400, `Invalid ${unstorable}: ${UNSTORABLE_TEXT_MESSAGE}`, [{ field: unstorable, message: UNSTORABLE_TEXT_MESSAGE }]))
    const { api_key, ...rest } = body
    const query = new URLSearchParams(req.url.includes("?") ? req.url.slice(req.url.indexOf("?") + 1) : "")
    const key = presentedKey(req, api_key ?? query.get("api_key"))
    return service.validateS2sConversions({ request_id: requestId, method: req.method, api_key: key, body: rest })
  })
}

export const POST = handleValidateCall
