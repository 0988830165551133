// The production app the volume benchmarks measure: their own embedded Postgres, a fresh database,
// `medusa build` (admin off), migrations, the demo seed and an admin user; `start()` then runs the
// build with NODE_ENV=production in a process group of its own and logs the admin in; `stop()`
// (also on Ctrl-C) stops that group and Postgres.
import { spawn } from "node:child_process"
import { mkdirSync, readFileSync } from "node:fs"
import pgLib from "pg"
import { medusa, stopProcessGroup, waitFor } from "../lib/medusa.mjs"
import { freePort, startPostgres } from "../lib/postgres.mjs"

/**
 * `name` names the Postgres data directory, the database and the files under `out`; `env` adds to
 * the app's environment. Answers the app's base URL, the demo seed, an SQL client on its database
 * (for loading volume), `start()`, which answers the server's process and the admin's headers,
 * and `stop()`.
 */
export async function prepareProductionApp({ name, out, env: extra = {}, log }) {
  mkdirSync(out, { recursive: true })
  const pg = await startPostgres({ dataDir: `${out}/${name}-pg` })
  let app
  const stop = async () => {
    await stopProcessGroup(app)
    await pg.stop()
  }
  process.on("SIGINT", async () => {
    await stop()
    process.exit(130)
  })
  try {
    return await prepare(pg, { name, out, extra, log, started: (child) => (app = child), stop })
  } catch (e) {
    await stop()
    throw e
  }
}

async function prepare(pg, { name, out, extra, log, started, stop }) {
  const db = `affiliate_${name}`
  const admin = new pgLib.Client({ connectionString: pg.url("postgres") })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${db}`)
  await admin.query(`CREATE DATABASE ${db}`)
  await admin.end()

  const port = await freePort()
  const base = `http://localhost:${port}`
  const seedFile = `${out}/${name}-seed.json`
  const env = {
    ...process.env,
    DATABASE_URL: pg.url(db),
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    AFFILIATE_ENCRYPTION_KEY: `bench-${name}-encryption-key`,
    DEMO_OUTPUT: seedFile,
    LOG_LEVEL: "warn",
    ...extra,
  }
  const credentials = { email: `${name}@example.com`, password: `${name}-password` }
  log("building for production (medusa build, admin off)…")
  medusa(["build"], env)
  medusa(["db:migrate"], env)
  medusa(["exec", "./scripts/seed-demo.ts"], env)
  medusa(["user", "-e", credentials.email, "-p", credentials.password], env)
  const seed = JSON.parse(readFileSync(seedFile, "utf8"))

  const sql = new pgLib.Client({ connectionString: pg.url(db) })
  sql.on("error", () => {}) // stopping Postgres at the end ends this connection
  await sql.connect()

  async function start() {
    const child = spawn("../../node_modules/.bin/medusa", ["start"], {
      cwd: ".medusa/server",
      env: { ...env, NODE_ENV: "production", PORT: String(port) },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    })
    started(child)
    await waitFor(`${base}/health`)
    const login = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(credentials),
    }).then((r) => r.json())
    return { child, adminHeaders: { authorization: `Bearer ${login.token}` } }
  }

  return { base, seed, sql, start, stop }
}
