// Writes the OpenAPI documents (openapi/public.json, openapi/admin.json) from the zod schemas the
// routes validate with. Run with `npm run openapi` after changing a route, and commit the files:
// a test fails while they differ from what this writes.
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { OPENAPI_FILES } from "./files"

const root = join(__dirname, "..", "..")
for (const [file, build] of Object.entries(OPENAPI_FILES)) {
  const path = join(root, file)
  mkdirSync(join(path, ".."), { recursive: true })
  writeFileSync(path, build())
  console.log(`wrote ${file}`)
}
