import { existsSync, readFileSync } from "node:fs"
import path from "node:path"

// Every snippet of the README's storefront section names, in a `<!-- tested: path -->` line just
// above it, the file that runs it: the test storefront's files (built with `next build`, which
// type-checks them, and driven by `npm run test:storefront`) or an HTTP suite. Here each snippet is
// held against that file, so the README cannot drift from the code that is tested.
const ROOT = path.join(__dirname, "../../..")
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8")
const start = readme.indexOf("## Storefront integration")
const section = readme.slice(start, readme.indexOf("\n## ", start + 1))

type Snippet = { file: string | undefined; lang: string; code: string; at: number }
const snippets: Snippet[] = [...section.matchAll(/(?:<!-- tested: (.+?) -->\n)?```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
  file: m[1],
  lang: m[2],
  code: m[3],
  at: section.slice(0, m.index).split("\n").length,
}))

/** The lines that are code: comments are the README's instructions, blank lines are layout. */
const codeLines = (code: string) =>
  code
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("//") && !l.startsWith("/*") && !l.startsWith("*") && !l.startsWith("{/*"))

describe("the README's storefront snippets", () => {
  it("are there, each naming the file that runs it", () => {
    expect(start).toBeGreaterThan(-1)
    expect(snippets.length).toBeGreaterThanOrEqual(8)
    for (const s of snippets) expect({ line: s.at, file: s.file }).toEqual({ line: s.at, file: expect.any(String) })
  })

  it.each(snippets.filter((s) => s.lang).map((s) => [s.file ?? "(none)", s] as const))(
    "%s holds every code line of its snippet, in order",
    (file, snippet) => {
      const target = path.join(ROOT, file)
      expect(existsSync(target)).toBe(true)
      const lines = readFileSync(target, "utf8").split("\n").map((l) => l.trim())
      let from = 0
      for (const line of codeLines(snippet.code)) {
        const found = lines.indexOf(line, from)
        expect({ line, found: found !== -1 }).toEqual({ line, found: true })
        from = found + 1
      }
    }
  )

  it.each(snippets.filter((s) => !s.lang).map((s) => [s.file ?? "(none)", s] as const))(
    "%s calls every route of its API listing",
    (file, snippet) => {
      const text = readFileSync(path.join(ROOT, file), "utf8")
      for (const [, route] of snippet.code.matchAll(/^(?:GET|POST|DELETE)\s+(\S+)/gm)) {
        const pattern = new RegExp(route.replace(/:\w+/g, "[^/\\s]+").replace(/\//g, "\\/"))
        expect({ route, called: pattern.test(text) }).toEqual({ route, called: true })
      }
    }
  )
})
