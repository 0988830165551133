#!/usr/bin/env node
// Builds the admin dashboard (Medusa's own and this plugin's extensions) for the demo, run by
// `npm run demo` in the demo's app folder as a process of its own (it takes ~30 s and can be
// stopped at any time). It builds into a scratch folder and moves the result into public/admin
// only when complete, so a stopped build never leaves half a dashboard to serve.
import { rmSync, renameSync, writeFileSync } from "node:fs"
import path from "node:path"

const [fingerprint] = process.argv.slice(2)
const OUT = "public/admin"
const SCRATCH = "public/.admin-building"

rmSync(SCRATCH, { recursive: true, force: true })
const { build } = await import(path.resolve("node_modules/@medusajs/admin-bundler/dist/index.js"))
// The options Medusa's own `medusa build` passes: the app's admin folder, the dashboard at /app,
// the API on the same origin. The repository's medusa-config declares no admin plugins.
await build({ disable: false, path: "/app", backendUrl: "/", maxUploadFileSize: 1024 * 1024, sources: [path.resolve("src/admin")], plugins: [], outDir: SCRATCH })
rmSync(OUT, { recursive: true, force: true })
renameSync(SCRATCH, OUT)
writeFileSync(`${OUT}.fingerprint`, fingerprint ?? "")
