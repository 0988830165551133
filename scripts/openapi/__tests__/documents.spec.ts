import { readdirSync, readFileSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { HTTP_METHODS } from "@medusajs/framework/http"
import { validate, compileErrors } from "@readme/openapi-parser"
import { adminApiDocument } from "../admin-api"
import { API_VERSION, JsonSchema } from "../build-document"
import { OPENAPI_FILES } from "../files"
import { publicApiDocument } from "../public-api"

const ROOT = join(__dirname, "../../..")
const API_DIR = join(ROOT, "src/api")

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(path)
    return entry.name === "route.ts" ? [path] : []
  })
}

/** Every method Medusa serves from `src/api`, the way its route loader finds them. */
function servedRoutes(): string[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const segments = relative(API_DIR, file).split(sep).slice(0, -1)
    // Medusa skips route files under a folder starting with "_"; `[id]` is the parameter `id`.
    if (segments.some((s) => s.startsWith("_"))) return []
    const path = `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`
    const exports = require(file) as Record<string, unknown>
    return HTTP_METHODS.filter((method) => typeof exports[method] === "function").map((method) => `${method} ${path}`)
  })
}

function documentedRoutes(...documents: JsonSchema[]): string[] {
  return documents.flatMap((document) =>
    Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => (HTTP_METHODS as readonly string[]).includes(key.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${path}`)
    )
  )
}

describe("the OpenAPI documents", () => {
  it("describe every route under src/api, and nothing that is not a route", () => {
    // The S2S endpoint's other methods are answered by a middleware with the contract's 405, which
    // the document describes once, on the path and as the response `S2sMethodNotAllowed`.
    expect(documentedRoutes(publicApiDocument(), adminApiDocument()).sort()).toEqual(servedRoutes().sort())
  })

  it("put admin routes in the admin document and the others in the public one", () => {
    expect(documentedRoutes(adminApiDocument()).every((r) => r.split(" ")[1].startsWith("/admin/"))).toBe(true)
    expect(documentedRoutes(publicApiDocument()).some((r) => r.split(" ")[1].startsWith("/admin/"))).toBe(false)
  })

  it("describe the 405 that the S2S endpoint's other methods answer", () => {
    const document = publicApiDocument() as any
    expect(document.components.responses.S2sMethodNotAllowed.headers.Allow).toBeDefined()
    expect(document.paths["/integration/s2sConvert"].description).toContain("S2sMethodNotAllowed")
  })

  it.each(Object.keys(OPENAPI_FILES))("%s is committed as the generator writes it now (run `npm run openapi`)", (file) => {
    const committed = readFileSync(join(ROOT, file), "utf8").split("\n")
    const generated = OPENAPI_FILES[file]().split("\n")
    const firstDifference = generated.findIndex((line, i) => line !== committed[i])
    // The first differing line, rather than a diff of a 100 KB text.
    expect({ line: firstDifference + 1, committed: committed[firstDifference], generated: generated[firstDifference] }).toEqual({
      line: 0,
      committed: undefined,
      generated: undefined,
    })
    expect(committed).toHaveLength(generated.length)
  })

  it.each([
    ["public", publicApiDocument],
    ["admin", adminApiDocument],
  ])("the %s document is valid OpenAPI 3.1", async (_name, document) => {
    const result = await validate(structuredClone(document()) as any)
    if (!result.valid) throw new Error(compileErrors(result))
    expect(result.valid).toBe(true)
    expect(document().openapi).toBe("3.1.0")
  })

  it("name the package's version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"))
    // On a release, set API_VERSION in src/openapi/build-document.ts and run `npm run openapi`.
    expect(API_VERSION).toBe(version)
    expect((publicApiDocument().info as any).version).toBe(version)
  })
})
