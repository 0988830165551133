#!/usr/bin/env node
// Part of `npm run build`: removes the source maps `medusa plugin:build` inlines into every
// compiled file (it always writes them: its compiler sets inlineSourceMap unless tsconfig asks for
// external ones). They point at `src/**/*.ts`, which the package does not ship, so a host's stack
// traces under --enable-source-maps would name files that are not there; without them they name
// the compiled .js files that are, whose code reads close to the source. They were also a quarter
// of the package.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

const OUT = ".medusa/server"
const INLINE_MAP = /\n?\/\/# sourceMappingURL=data:application\/json;base64,[A-Za-z0-9+/=]+\s*$/

let stripped = 0
for (const entry of readdirSync(OUT, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(c|m)?js$/.test(entry.name)) continue
  const file = path.join(entry.parentPath ?? entry.path, entry.name)
  const code = readFileSync(file, "utf8")
  if (!INLINE_MAP.test(code)) continue
  writeFileSync(file, code.replace(INLINE_MAP, "\n"))
  stripped += 1
}
console.log(`strip-source-maps: removed the inline source map of ${stripped} files in ${OUT}`)
