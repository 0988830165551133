import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import document from "../../../../openapi/public.json"

/**
 * GET /integration/openapi.json: the public endpoints' OpenAPI 3.1 document, for shops that
 * generate a client from it: the committed openapi/public.json, which `npm run openapi` writes from
 * the routes' own schemas (a test fails while it is stale). Public and the same for everyone, so
 * caches may keep it (an ETag lets them revalidate).
 */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.set("Cache-Control", "public, max-age=3600")
  res.json(document)
}
