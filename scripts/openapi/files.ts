import { adminApiDocument } from "./admin-api"
import { serializeDocument } from "./build-document"
import { publicApiDocument } from "./public-api"

/** The committed documents, by path from the repository's root, and the text each must hold. */
export const OPENAPI_FILES: Record<string, () => string> = {
  "openapi/public.json": () => serializeDocument(publicApiDocument()),
  "openapi/admin.json": () => serializeDocument(adminApiDocument()),
}
