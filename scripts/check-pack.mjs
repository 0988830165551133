#!/usr/bin/env node
// `npm run check:pack` (and CI): checks what `npm publish` would ship, from `npm pack --dry-run`,
// which builds first through `prepack` (`--skip-build` checks the build already in .medusa/server). Fails, saying why, on: a config or environment file, test
// code, a source map that points at a file the package does not hold, a missing LICENSE, an
// `exports` target that is not shipped, or a package over its size budget.
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import path from "node:path"

/*
 * The budget: 538 kB packed and 2.33 MB unpacked measured with items and rules, validation by API,
 * partners and trust (0.1.0 was 329 kB and 1.69 MB; README, "Development"); about a fifth more
 * leaves room for the code still to come, while each regression this is here for is larger: inline
 * source maps again (+0.5 MB unpacked), the module service's or the models' inferred types again
 * (+1 MB each), test files or dependencies shipped.
 */
const BUDGET = { packed: 640_000, unpacked: 2_800_000 }

const FORBIDDEN = [
  [/(^|\/)medusa-config\.[cm]?[jt]s$|(^|\/)medusa-config\.d\.ts$/, "the repository's own demo configuration"],
  [/(^|\/)\.env(\.|$)/, "an environment file"],
  [/(^|\/)medusa-plugin-options\.json$/, "`medusa plugin:develop`'s pointer to this machine's src/"],
  [/(^|\/)(__tests__|integration-tests|e2e)\//, "test code"],
  [/\.spec\.[jt]s$/, "a test file"],
  [/(^|\/)node_modules\//, "a dependency"],
  [/(^|\/)tsconfig[^/]*\.json$/, "a TypeScript configuration"],
]

const skipBuild = process.argv.includes("--skip-build")
const pack = spawnSync("npm", ["pack", "--dry-run", "--json", ...(skipBuild ? ["--ignore-scripts"] : [])], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] })
if (pack.status !== 0) {
  console.error(`check-pack: npm pack --dry-run failed (exit ${pack.status})`)
  process.exit(1)
}
// The build that `prepack` runs prints to the same output, before npm's JSON.
const [report] = JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[\s*\{/m)))
const shipped = new Set(report.files.map((f) => f.path))
const problems = []

for (const file of shipped) {
  for (const [pattern, what] of FORBIDDEN) if (pattern.test(file)) problems.push(`${file} is ${what}`)
}

/** Each source a map names must be in the package, or a stack trace names a file that is not there. */
function checkMap(map, mapFile, from) {
  const root = map.sourceRoot ?? ""
  for (const source of map.sources ?? []) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(mapFile), root, source))
    if (!shipped.has(target)) problems.push(`${from} has a source map pointing at ${target}, which the package does not hold`)
  }
}
for (const file of shipped) {
  if (file.endsWith(".map")) {
    checkMap(JSON.parse(readFileSync(file, "utf8")), file, file)
    continue
  }
  if (!/\.[cm]?js$/.test(file)) continue
  const reference = readFileSync(file, "utf8").match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1]
  if (!reference) continue
  if (reference.startsWith("data:")) {
    checkMap(JSON.parse(Buffer.from(reference.slice(reference.indexOf(",") + 1), "base64").toString("utf8")), file, file)
  } else {
    const mapFile = path.posix.join(path.posix.dirname(file), reference)
    if (!shipped.has(mapFile)) problems.push(`${file} points at its source map ${mapFile}, which the package does not hold`)
  }
}

const manifest = JSON.parse(readFileSync("package.json", "utf8"))
const license = [...shipped].find((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f))
if (!license) problems.push("no LICENSE file")
else if (manifest.license === "MIT" && !readFileSync(license, "utf8").includes("MIT License")) problems.push(`${license} is not the MIT License package.json names`)

/** Every target `exports` names must be shipped: a host importing it would fail. */
function targets(entry) {
  return typeof entry === "string" ? [entry] : Object.values(entry ?? {}).flatMap(targets)
}
// The wildcard export hosts load the module through (CONVENTIONS: plugin exports).
if (!shipped.has(".medusa/server/src/modules/affiliate/index.js")) problems.push("the affiliate module's entry is not shipped: was the build run?")
for (const target of targets(manifest.exports)) {
  if (target.includes("*")) continue
  const file = path.posix.normalize(target)
  if (!shipped.has(file)) problems.push(`exports names ${target}, which the package does not hold`)
}

const kB = (n) => `${(n / 1000).toFixed(0)} kB`
if (report.size > BUDGET.packed) problems.push(`the tarball is ${kB(report.size)}, over its budget of ${kB(BUDGET.packed)}`)
if (report.unpackedSize > BUDGET.unpacked) problems.push(`unpacked it is ${kB(report.unpackedSize)}, over its budget of ${kB(BUDGET.unpacked)}`)

const summary = `${report.filename}: ${report.entryCount} files, ${kB(report.size)} packed (budget ${kB(BUDGET.packed)}), ${kB(report.unpackedSize)} unpacked (budget ${kB(BUDGET.unpacked)})`
if (problems.length) {
  console.error(`check-pack: ${summary}\n${problems.map((p) => `  - ${p}`).join("\n")}`)
  process.exit(1)
}
console.log(`check-pack: ${summary}: no config, no test code, no map to a missing file, a LICENSE, every export shipped`)
