import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findUnstorableText, hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "../lib/unstorable-text"

function refuse(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/**
 * The admin and store routes' one guard against input that would otherwise surface as a 500,
 * before any route or query sees it (README, "Input the plugin refuses"): a path that is not valid
 * percent-encoding, text PostgreSQL cannot store (a NUL or an unpaired UTF-16 surrogate) in the
 * path, in any query filter or body field, keys included, and query keys nested deeper than
 * Medusa's query parser accepts. The answer is a 400 naming the field. (The S2S endpoint runs the
 * same check on the parameters it decodes itself; the affiliate link drops such characters.)
 */
export function guardPluginInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // The whole path as the client sent it: path parameters (a cart id) sit in the mount path.
  const path = (req.originalUrl ?? req.url).split("?")[0]
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return refuse("The request path is not valid percent-encoding")
  }
  if (hasUnstorableText(decoded)) refuse(`The request path ${UNSTORABLE_TEXT_MESSAGE}`)
  for (const key of Object.keys(req.query ?? {})) {
    if (key.split(".").length > 2) refuse(`Query parameter ${key} is nested too deep`)
  }
  const inQuery = findUnstorableText(req.query)
  if (inQuery) refuse(`${inQuery} ${UNSTORABLE_TEXT_MESSAGE}`)
  const inBody = findUnstorableText(req.body)
  if (inBody) refuse(`${inBody} ${UNSTORABLE_TEXT_MESSAGE}`)
  next()
}
