// Starts the app for the admin's browser tests (embedded Postgres, migrations, admin user, the demo
// campaign and the HTTP suites' store, `medusa develop` with its Vite-served admin, which the
// tests wait for), on a fresh database in .e2e-data/ and a free port, and stops it again.
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdirSync, readFileSync, rmSync } from "node:fs"
import { MEDUSA_BIN, medusa, stopProcessGroup, waitFor } from "../lib/medusa.mjs"
import { ensureDatabase, freePort, startPostgres } from "../lib/postgres.mjs"

export const ADMIN = { email: "admin@example.com", password: "supersecret" }

/**
 * Options: `dataDir` (fresh on every start), `admin: false` for neither dashboard nor admin user
 * (a faster start) and `env`, added to the app's environment (seeding included).
 */
export async function startApp({ log = () => {}, dataDir: DATA = ".e2e-data", admin = true, env: extraEnv = {} } = {}) {
  rmSync(DATA, { recursive: true, force: true })
  mkdirSync(DATA, { recursive: true })
  const t0 = Date.now()
  const pg = await startPostgres({ dataDir: `${DATA}/pg` })
  const database = `medusa_affiliate_e2e_${Date.now()}`
  await ensureDatabase(pg, database)
  const port = Number(process.env.E2E_PORT || (await freePort()))
  const base = `http://localhost:${port}`
  const env = {
    ...process.env,
    DATABASE_URL: pg.url(database),
    NODE_ENV: "development",
    PORT: String(port),
    MEDUSA_DISABLE_TELEMETRY: "true",
    JWT_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECRET: randomBytes(32).toString("hex"),
    AFFILIATE_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    AFFILIATE_PUBLIC_URL: base,
    ADMIN_CORS: base,
    AUTH_CORS: base,
    STORE_CORS: base,
    DEMO_OUTPUT: `${DATA}/demo.json`,
    ...(admin ? {} : { MEDUSA_ADMIN_DISABLED: "true" }),
    ...extraEnv,
  }
  let app
  const stop = async () => {
    // `medusa develop` runs the server in a child of its own: stop the whole process group.
    await stopProcessGroup(app)
    await pg.stop()
  }
  try {
    log("migrating")
    medusa(["db:migrate"], env)
    if (admin) medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], env)
    log("seeding the demo campaign and affiliate")
    medusa(["exec", "./scripts/seed-demo.ts"], env)
    const demo = JSON.parse(readFileSync(`${DATA}/demo.json`, "utf8"))
    log("seeding a store (region, product, shipping) for orders placed through the Store API")
    medusa(["exec", "./scripts/seed-store.ts"], { ...env, STORE_OUTPUT: `${DATA}/store.json` })
    const store = JSON.parse(readFileSync(`${DATA}/store.json`, "utf8"))
    const setupSeconds = (Date.now() - t0) / 1000
    log(`starting medusa develop on ${base}`)
    const t1 = Date.now()
    app = spawn(MEDUSA_BIN, ["develop"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true })
    const output = []
    let restarts = 0
    const keep = (chunk) => {
      if (/\[Watcher\].*restarting dev server/.test(String(chunk))) restarts++
      output.push(String(chunk))
      if (output.length > 200) output.shift()
      if (process.env.E2E_VERBOSE) process.stdout.write(chunk)
    }
    app.stdout.on("data", keep)
    app.stderr.on("data", keep)
    const died = new Promise((_, reject) =>
      app.once("exit", (code) => reject(new Error(`medusa develop exited (${code}):\n${output.join("").slice(-4000)}`)))
    )
    await Promise.race([
      (async () => {
        await waitFor(`${base}/health`, { timeoutMs: 300_000 })
        if (admin) await waitFor(`${base}/app`, { timeoutMs: 300_000, accept: (r) => r.ok })
      })(),
      died,
    ])
    died.catch(() => {})
    const bootSeconds = (Date.now() - t1) / 1000
    return { base, demo, store, env, stop, restarts: () => restarts, timings: { setupSeconds, bootSeconds } }
  } catch (e) {
    await stop()
    throw e
  }
}
