import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

// The storefront entry runs in Next.js middleware (edge runtime), server actions and browsers:
// it may import nothing but its own files, and use no Node.js API.
const DIR = path.join(__dirname, "..")
const sources = readdirSync(DIR).filter((f) => f.endsWith(".ts"))

describe("medusa-plugin-affiliate-s2s/storefront", () => {
  it.each(sources)("%s imports only the entry's own files and no Node.js API", (file) => {
    const text = readFileSync(path.join(DIR, file), "utf8")
    const specifiers = [...text.matchAll(/(?:from|import|require)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1])
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[a-z-]+$/)
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname|\brequire\(/)
  })

  it("is exported with its types for hosts, whatever their TypeScript module resolution", () => {
    const pkg = JSON.parse(readFileSync(path.join(DIR, "../../package.json"), "utf8"))
    expect(pkg.exports["./storefront"]).toEqual({
      types: "./.medusa/server/src/storefront/index.d.ts",
      default: "./.medusa/server/src/storefront/index.js",
    })
    expect(pkg.typesVersions["*"].storefront).toEqual([".medusa/server/src/storefront/index.d.ts"])
    expect(pkg.dependencies ?? {}).not.toHaveProperty("next")
  })
})
