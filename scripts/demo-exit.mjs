#!/usr/bin/env node
// `npm run test:demo`: when the demo's server dies, `npm run demo` must say so, stop its Postgres
// and exit non-zero, instead of living on while callers get "connection refused". Starts the demo
// on a free port with its own data folder, kills the server's process group as a crash would,
// and checks what the demo does.
import { execFileSync, spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { stopProcessGroup } from "./lib/medusa.mjs"
import { freePort } from "./lib/postgres.mjs"

const DATA = ".topology/demo-data"
const started = Date.now()
const log = (m) => console.log(`[demo-exit ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${m}`)

const port = await freePort()
let output = ""
const demo = spawn(process.execPath, ["scripts/demo.mjs"], {
  env: { ...process.env, PORT: String(port), DEMO_DATA_DIR: DATA, AFFILIATE_PUBLIC_URL: `http://localhost:${port}`, MEDUSA_DISABLE_TELEMETRY: "true" },
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
})
demo.stdout.on("data", (d) => (output += d))
demo.stderr.on("data", (d) => (output += d))
const exited = new Promise((resolve) => demo.once("exit", (code, signal) => resolve({ code, signal })))

const failures = []
try {
  log(`Starting the demo on port ${port} (data in ${DATA})…`)
  const until = Date.now() + 8 * 60_000
  while (!output.includes("demo is up")) {
    if (Date.now() > until || demo.exitCode !== null) throw new Error(`the demo did not come up:\n${output.slice(-2000)}`)
    await new Promise((r) => setTimeout(r, 500))
  }
  // Among the demo's children (its Postgres too), `medusa develop` is the one leading its own process group.
  const children = execFileSync("ps", ["-o", "pid=,pgid=", "--ppid", String(demo.pid)], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
  const server = children.find(([pid, pgid]) => pid === pgid)?.[0]
  if (!server) throw new Error("could not find the demo's server process")
  log(`The demo is up; killing its server (process group ${server}) as a crash would…`)
  process.kill(-server, "SIGKILL")

  const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 60_000))])
  if (!result) failures.push("the demo was still running 60 s after its server died")
  else if (result.code === 0) failures.push("the demo exited with code 0")
  if (!/The Medusa server exited .*: stopping the demo and its database\./.test(output)) failures.push("the demo did not say that its server exited")
  if (existsSync(`${DATA}/pg/postmaster.pid`)) failures.push("the demo's Postgres is still running (postmaster.pid is there)")
  const stillAnswering = await fetch(`http://localhost:${port}/health`).then(() => true, () => false)
  if (stillAnswering) failures.push(`something still answers on port ${port}`)
  log(result ? `The demo exited with code ${result.code}` : "The demo did not exit")
} catch (e) {
  failures.push(e.message)
} finally {
  await stopProcessGroup(demo)
  // Never leave a Postgres behind, even when the demo failed to stop it (its pid is the file's first line).
  if (existsSync(`${DATA}/pg/postmaster.pid`)) {
    try {
      process.kill(Number(readFileSync(`${DATA}/pg/postmaster.pid`, "utf8").split("\n")[0]), "SIGTERM")
    } catch {}
  }
}

for (const f of failures) console.error(`FAIL ${f}`)
console.log(failures.length ? `demo-exit: ${failures.length} failed` : `demo-exit: passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
process.exit(failures.length ? 1 : 0)
