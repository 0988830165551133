// The backend of `npm run test:storefront`: `npm run demo` itself (admin off, for a faster start),
// on a Postgres this test starts (DATABASE_URL, so the test can read what the orders recorded).
// The storefront is then started with the variables the demo prints, exactly as printed.
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { freePort, startPostgres } from "../lib/postgres.mjs"

const VARIABLES = ["NEXT_PUBLIC_MEDUSA_BACKEND_URL", "MEDUSA_BACKEND_URL", "NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY", "NEXT_PUBLIC_DEFAULT_REGION"]

/**
 * Starts the demo on a free port, its links and storefront variables on 127.0.0.1 (the browser
 * reaches the storefront as localhost: two hosts, so the link's own cookie never stands in for the
 * storefront's). Answers the printed variables, the seeded campaign and store, the database URL
 * and `stop()` (Ctrl-C to the demo, then Postgres).
 */
export async function startDemoBackend({ dataDir, storefrontUrl, log = () => {} }) {
  const pg = await startPostgres({ dataDir: `${dataDir}/pg` })
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let output = ""
  const demo = spawn(process.execPath, ["scripts/demo.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: pg.url("postgres"),
      DEMO_DATA_DIR: `${dataDir}/demo`,
      DEMO_TARGET_URL: `${storefrontUrl}/`,
      AFFILIATE_PUBLIC_URL: base,
      MEDUSA_ADMIN_DISABLED: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  const keep = (chunk) => {
    output += chunk
    if (process.env.E2E_VERBOSE) process.stdout.write(chunk)
  }
  demo.stdout.on("data", keep)
  demo.stderr.on("data", keep)
  const exited = new Promise((resolve) => demo.once("exit", resolve))
  const stop = async () => {
    if (demo.exitCode === null && demo.signalCode === null) {
      process.kill(-demo.pid, "SIGINT")
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
    }
    await pg.stop()
  }
  try {
    const t0 = Date.now()
    log("npm run demo (admin off) on the test's Postgres")
    while (!output.includes("demo is up")) {
      if (demo.exitCode !== null || Date.now() - t0 > 5 * 60_000) throw new Error(`the demo did not come up:\n${output.slice(-4000)}`)
      await new Promise((r) => setTimeout(r, 250))
    }
    const printed = Object.fromEntries(VARIABLES.map((name) => [name, output.match(new RegExp(`^\\s*${name}=(\\S+)$`, "m"))?.[1]]))
    const missing = VARIABLES.filter((name) => !printed[name])
    if (missing.length) throw new Error(`the demo did not print ${missing.join(", ")}`)
    const readJson = (file) => JSON.parse(readFileSync(`${dataDir}/demo/${file}`, "utf8"))
    return {
      base,
      printed,
      demo: readJson("demo.json"),
      store: readJson("store.json"),
      databaseUrl: pg.url("medusa_affiliate_demo"),
      seconds: (Date.now() - t0) / 1000,
      stop,
    }
  } catch (e) {
    await stop()
    throw e
  }
}
