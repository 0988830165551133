// Where the demo's Medusa server runs: a folder of its own inside the demo's data folder, holding
// links to the repository's app (src, medusa-config.ts, package.json, tsconfig.json, node_modules)
// and the built admin in public/admin: Medusa serves the admin from `<app folder>/public/admin`,
// never from a folder it would have to write into the repository.
import { createHash } from "node:crypto"
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, unlinkSync } from "node:fs"
import path from "node:path"

const LINKED = ["src", "medusa-config.ts", "package.json", "tsconfig.json", "node_modules"]

/** Creates (or repairs) the app folder under `dataDir`; answers its absolute path. */
export function prepareAppFolder(dataDir, root = process.cwd()) {
  const app = path.resolve(dataDir, "app")
  mkdirSync(path.join(app, "public"), { recursive: true })
  for (const name of LINKED) {
    const link = path.join(app, name)
    const target = path.relative(app, path.join(root, name))
    if (linkTarget(link) === target) continue
    if (linkTarget(link) !== null) unlinkSync(link) // the data folder moved: relink
    symlinkSync(target, link)
  }
  return app
}

/** Where a symbolic link points, or null when there is none. */
function linkTarget(file) {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : null
  } catch {
    return null
  }
}

/** Changes when the dashboard would: the admin extensions' files, or the installed bundler and dashboard. */
export function adminFingerprint(root = process.cwd()) {
  const hash = createHash("sha256")
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else hash.update(path.relative(root, file)).update(readFileSync(file))
    }
  }
  walk(path.join(root, "src/admin"))
  for (const pkg of ["@medusajs/dashboard", "@medusajs/admin-bundler", "@medusajs/admin-vite-plugin", "vite"]) {
    const manifest = path.join(root, "node_modules", pkg, "package.json")
    if (existsSync(manifest)) hash.update(`${pkg}@${JSON.parse(readFileSync(manifest, "utf8")).version}`)
  }
  return hash.digest("hex")
}

/** Whether the app folder holds a complete admin build of these sources. */
export function adminIsBuilt(app, fingerprint) {
  const mark = path.join(app, "public/admin.fingerprint")
  return existsSync(path.join(app, "public/admin/index.html")) && existsSync(mark) && readFileSync(mark, "utf8") === fingerprint
}
