#!/usr/bin/env node
// Runs a command (the test runner) against a real PostgreSQL that this script starts and stops:
// embedded by default, or the server DATABASE_URL points at.
import { spawn } from "node:child_process"
import { startPostgres } from "./lib/postgres.mjs"

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error("usage: with-postgres <command> [...args]")
  process.exit(2)
}

const pg = await startPostgres({ dataDir: ".test-pg" })
const child = spawn(command, args, {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    DB_HOST: pg.host,
    DB_PORT: String(pg.port),
    DB_USERNAME: pg.user,
    DB_PASSWORD: pg.password,
    // jest --runInBand keeps every suite's booted app in one process: past ~25 whole-app suites the
    // default heap (about 4 GB here) runs out before the last ones. 8 GB keeps them all in.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
    MEDUSA_DISABLE_TELEMETRY: "true",
    PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}`,
  },
})
const forward = (signal) => child.kill(signal)
process.on("SIGINT", forward)
process.on("SIGTERM", forward)
const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))))
await pg.stop()
process.exit(code)
