import type { MedusaRequest } from "@medusajs/framework/http"
import { decodeForm, FormDecodeError } from "../../../lib/form-decode"
import type { FieldError } from "../../../modules/affiliate/utils/s2s-input"
import { ClientAborted, mediaType, NotUtf8, readRawBody } from "../../../lib/raw-body"
import { findUnstorableText, printableName, UNSTORABLE_TEXT_MESSAGE } from "../../../lib/unstorable-text"

export const MAX_BODY_BYTES = 16 * 1024

/** `reason` is what the request log keeps when it is not the message itself. */
export type InputProblem = { http: 400 | 413 | 415; message: string; errors?: FieldError[]; reason?: string }

/**
 * Reads the call's parameters exactly as sent: the query string, plus for POST a JSON or form
 * body of at most 16 KB. The framework's body parsers are off for this route because they would
 * answer bad input in their own format and let malformed percent-encoding through.
 */
export async function readS2sParams(req: MedusaRequest): Promise<{ params: Record<string, unknown> } | InputProblem> {
  try {
    // req.url, not originalUrl: the access-log middleware redacts the key from the latter.
    const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?") + 1) : ""
    const params: Record<string, unknown> = decodeForm(query)
    if (req.method === "GET") return checkedText(params)

    const type = mediaType(req)
    if (type !== "application/json" && type !== "application/x-www-form-urlencoded") {
      return { http: 415, message: "Send application/json or application/x-www-form-urlencoded" }
    }
    const body = await readRawBody(req, MAX_BODY_BYTES)
    if (body === null) return { http: 413, message: `Body is larger than ${MAX_BODY_BYTES / 1024} KB` }

    const fields = type === "application/json" ? parseJsonObject(body) : decodeForm(body)
    for (const [name, value] of Object.entries(fields)) {
      if (name in params) {
        const field = printableName(name)
        return { http: 400, message: `${field} is given more than once`, errors: [{ field, message: "is given more than once" }] }
      }
      params[name] = value
    }
    return checkedText(params)
  } catch (e) {
    if (e instanceof ClientAborted) {
      return { http: 400, message: "The request body ended before it was complete", reason: "client_aborted" }
    }
    if (e instanceof FormDecodeError || e instanceof SyntaxError || e instanceof NotUtf8) {
      const field = e instanceof FormDecodeError ? e.field : "body"
      return { http: 400, message: e.message, errors: [{ field, message: e.message }] }
    }
    throw e
  }
}

/**
 * Text PostgreSQL cannot store (a NUL, an unpaired surrogate) is refused here, in any field, key
 * or metadata value, before anything is looked up or logged (README, "Input the plugin refuses").
 */
function checkedText(params: Record<string, unknown>): { params: Record<string, unknown> } | InputProblem {
  const field = findUnstorableText(params)
  if (!field) return { params }
  return { http: 400, message: `Invalid ${field}: ${UNSTORABLE_TEXT_MESSAGE}`, errors: [{ field, message: UNSTORABLE_TEXT_MESSAGE }] }
}

export function parseJsonObject(body: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    throw new SyntaxError("Body is not valid JSON")
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SyntaxError("Body must be a JSON object")
  }
  return value as Record<string, unknown>
}
