import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const MAX_DEPTH = 20

/** Where in a parsed query or body a string holds a NUL byte (PostgreSQL refuses them), if anywhere. */
function nulAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "body" : null
  if (!value || typeof value !== "object" || depth > MAX_DEPTH) return null
  for (const [key, inner] of Object.entries(value)) {
    const found = key.includes("\u0000") ? path || "body" : nulAt(inner, path ? `${path}.${key}` : key, depth + 1)
    if (found) return found
  }
  return null
}

function refuse(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/**
 * Turns the inputs that would otherwise surface as a 500 into a 400 before any route sees them:
 * a path that is not valid percent-encoding, a NUL byte anywhere (PostgreSQL rejects it in text and
 * jsonb) and query keys nested deeper than Medusa's query parser accepts.
 */
export function guardAdminInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return refuse("The request path is not valid percent-encoding")
  }
  if (decoded.includes("\u0000")) refuse("The request path must not contain NUL characters")
  for (const key of Object.keys(req.query ?? {})) {
    if (key.split(".").length > 2) refuse(`Query parameter ${key} is nested too deep`)
  }
  const inQuery = nulAt(req.query, "")
  if (inQuery) refuse(`${inQuery} must not contain NUL characters`)
  const inBody = nulAt(req.body, "")
  if (inBody) refuse(`${inBody} must not contain NUL characters`)
  next()
}
