import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicApiDocument } from "../../../openapi/public-api"

/**
 * GET /integration/openapi.json: the public endpoints' OpenAPI 3.1 document, for shops that
 * generate a client from it. Built from the routes' own schemas, as openapi/public.json is; public
 * and the same for everyone, so caches may keep it (an ETag lets them revalidate).
 */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.set("Cache-Control", "public, max-age=3600")
  res.json(publicApiDocument())
}
