#!/usr/bin/env node
// `npm run demo`: a working store with the plugin on an embedded PostgreSQL. Data lives in
// .demo-data/ (git-ignored) and is reused by the next run. DATABASE_URL points it at your own server.
import { spawn } from "node:child_process"
import { createHash, randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { MEDUSA_BIN, medusa, stopProcessGroup, waitFor } from "./lib/medusa.mjs"
import { ensureDatabase, startPostgres } from "./lib/postgres.mjs"

const DATA = process.env.DEMO_DATA_DIR || ".demo-data"
const PORT = Number(process.env.PORT || 9000)
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const DB_NAME = "medusa_affiliate_demo"
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36"
const base = process.env.AFFILIATE_PUBLIC_URL || `http://localhost:${PORT}`

mkdirSync(DATA, { recursive: true })
const state = readJson(`${DATA}/state.json`) ?? {}
// Secrets are made once per demo folder, so keys stay readable across runs.
state.secrets ??= { jwt: hex(32), cookie: hex(32), encryption: hex(32) }
writeFileSync(`${DATA}/state.json`, JSON.stringify(state, null, 2))

const started = Date.now()
const pg = await startPostgres({ dataDir: `${DATA}/pg` })
let app
let stopping = false
const stop = async (code = 0) => {
  if (stopping) return
  stopping = true
  clearInterval(watchdog)
  // medusa develop runs the server in a child of its own: stop the whole process group.
  await stopProcessGroup(app)
  await pg.stop()
  process.exit(code)
}
let watchdog
process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))

try {
  await ensureDatabase(pg, DB_NAME)
  const env = {
    ...process.env,
    DATABASE_URL: pg.url(DB_NAME),
    NODE_ENV: "development",
    PORT: String(PORT),
    MEDUSA_DISABLE_TELEMETRY: "true",
    JWT_SECRET: process.env.JWT_SECRET || state.secrets.jwt,
    COOKIE_SECRET: process.env.COOKIE_SECRET || state.secrets.cookie,
    AFFILIATE_ENCRYPTION_KEY: process.env.AFFILIATE_ENCRYPTION_KEY || state.secrets.encryption,
    AFFILIATE_PUBLIC_URL: base,
    DEMO_OUTPUT: `${DATA}/demo.json`,
  }
  // Migrating and seeding boot Medusa twice (~10 s each): skip them when nothing they depend on changed.
  // The embedded server's port changes between runs; its data folder does not.
  const fingerprint = setupFingerprint(pg.embedded ? `embedded:${DATA}/pg` : env.DATABASE_URL)
  if (state.setupFor !== fingerprint || !existsSync(`${DATA}/demo.json`)) {
    step("Migrating the database", ["db:migrate"], env)
    // `medusa user` fails if the user exists (a reused database): that is fine.
    medusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env, { allowFailure: true })
    step("Seeding the demo campaign and affiliate", ["exec", "./scripts/seed-demo.ts"], env)
    state.setupFor = fingerprint
    writeFileSync(`${DATA}/state.json`, JSON.stringify(state, null, 2))
  }
  const demo = readJson(`${DATA}/demo.json`)

  console.log("Starting Medusa (medusa develop)…")
  app = spawn(MEDUSA_BIN, ["develop"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  app.stdout.pipe(process.stdout)
  app.stderr.pipe(process.stderr)
  app.on("exit", (code, signal) => {
    if (stopping) return
    console.error(`\nThe Medusa server exited (${signal ?? `code ${code}`}): stopping the demo and its database.`)
    stop(1)
  })
  await waitFor(`http://localhost:${PORT}/health`)
  printUsage(demo, ((Date.now() - started) / 1000).toFixed(1))
  watchdog = watchHealth()
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  await stop(1)
}

/**
 * `medusa develop` can lose its server child and live on: when /health stops answering for
 * 15 s, say so and stop everything rather than leave callers with refused connections.
 */
function watchHealth() {
  let failures = 0
  return setInterval(async () => {
    try {
      const res = await fetch(`http://localhost:${PORT}/health`, { signal: AbortSignal.timeout(4000) })
      failures = res.ok ? 0 : failures + 1
    } catch {
      failures++
    }
    if (failures >= 3) {
      console.error(`\nThe Medusa server stopped answering on port ${PORT}: stopping the demo and its database.`)
      stop(1)
    }
  }, 5000)
}

function step(label, args, env) {
  console.log(`${label}…`)
  medusa(args, env)
}

function printUsage(demo, seconds) {
  const link = `${base}/affiliate/click/${demo.handle}?aff=${demo.affiliate_code}&sub1=demo`
  const curl = [
    `curl -X POST ${base}/integration/s2sConvert \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "X-API-Key: ${demo.api_key}" \\`,
    `  -d '{"click_token":"<click_token from the link>","order_id":"ORDER-1001","order_total":"129.99","order_currency":"USD"}'`,
  ].join("\n")
  console.log(`
────────────────────────────────────────────────────────────────────────
 medusa-plugin-affiliate-s2s demo is up (${seconds} s)

 Admin dashboard   ${base}/app
   email           ${ADMIN_EMAIL}
   password        ${ADMIN_PASSWORD}

 Demo campaign     ${demo.handle} (${demo.campaign_id})
 API key           ${demo.api_key}

 1. Open the affiliate link (it redirects with ?click_token=…):
    ${link}
    or with curl (a browser user agent: crawlers and curl get no token):
    curl -si -A '${BROWSER_UA}' '${link}' | grep -i location

 2. Report a conversion with that token:
    ${curl}

 Ctrl-C stops the server and the database.
────────────────────────────────────────────────────────────────────────
`)
}

/** Changes when the database, the admin login, the migrations or the installed Medusa change. */
function setupFingerprint(database) {
  const hash = createHash("sha256").update(database).update(ADMIN_EMAIL).update(ADMIN_PASSWORD)
  const migrations = "src/modules/affiliate/migrations"
  for (const file of readdirSync(migrations).sort()) hash.update(file)
  hash.update(readFileSync("node_modules/@medusajs/medusa/package.json"))
  return hash.digest("hex")
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null
}

function hex(bytes) {
  return randomBytes(bytes).toString("hex")
}
