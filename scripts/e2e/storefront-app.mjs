// The test storefront's processes for `npm run test:storefront`: the packed plugin installed into
// it, `next build` and `next start`, each in a process group of its own, stopped with its group.
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs"
import path from "node:path"

export const APP_DIR = "e2e/storefront"
export const PACKAGE = "medusa-plugin-affiliate-s2s"
const NEXT_BIN = path.resolve("node_modules/.bin/next")

/** The processes started here and still running. */
export const children = new Set()

/** Runs a command to completion in its own process group; throws with its output on failure. */
export function run(command, args, { env = process.env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"], detached: true })
    children.add(child)
    let output = ""
    child.stdout.on("data", (c) => (output += c))
    child.stderr.on("data", (c) => (output += c))
    child.on("exit", (code) => {
      children.delete(child)
      if (code === 0) resolve(output)
      else reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output.slice(-4000)}`))
    })
  })
}
/** Stops a child and everything it started (its process group), waiting for it to exit. */
export async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once("exit", r))
  const signal = (s) => {
    try {
      process.kill(-child.pid, s)
    } catch {}
  }
  signal("SIGTERM")
  const timer = setTimeout(() => signal("SIGKILL"), 10_000)
  await exited
  clearTimeout(timer)
}

/** `npm run build` (the published build) when the built entry is missing or older than its sources. */
export function ensurePluginBuild(log) {
  const built = ".medusa/server/src/storefront/index.js"
  const newest = Math.max(...readdirSync("src/storefront").filter((f) => f.endsWith(".ts")).map((f) => statSync(`src/storefront/${f}`).mtimeMs))
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return
  log("the plugin build is missing or stale: npm run build")
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" })
  if (build.status !== 0) throw new Error("npm run build failed")
}

/**
 * Installs the packed plugin (only what `npm publish` ships) into the test storefront with npm, as
 * a storefront's owner would. Its Medusa peers are optional, so none of them may come along.
 */
export function installPackedPlugin(dataDir, log) {
  const packDir = path.resolve(dataDir, "pack")
  mkdirSync(packDir, { recursive: true })
  // The build is there (ensurePluginBuild): `prepack` would build it again.
  const pack = spawnSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", packDir], { encoding: "utf8" })
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`)
  const tarball = path.join(packDir, pack.stdout.trim().split("\n").pop())
  rmSync(path.join(APP_DIR, "node_modules"), { recursive: true, force: true })
  const install = spawnSync("npm", ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", tarball], { cwd: APP_DIR, encoding: "utf8" })
  if (install.status !== 0) throw new Error(`npm install of the packed plugin failed: ${install.stderr}`)
  const installed = readdirSync(path.join(APP_DIR, "node_modules")).filter((d) => !d.startsWith("."))
  if (installed.includes("@medusajs") || installed.includes("next")) throw new Error(`installing the plugin into a storefront brought ${installed}`)
  log(`the packed plugin installed into the storefront with: ${installed.join(", ")}`)
}

/** The storefront's environment: the starters' variable names, given when it starts. */
export const storefrontEnv = (vars = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("NEXT_PUBLIC_"))),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  // Next.js would otherwise try to add other platforms' compilers to the repository's lockfile.
  NEXT_IGNORE_INCORRECT_LOCKFILE: "1",
  NEXT_PUBLIC_DEFAULT_REGION: "us",
  ...vars,
})

/** `next build` of the test storefront; resolves with its duration in seconds. */
export async function buildStorefront() {
  const started = Date.now()
  await run(NEXT_BIN, ["build"], { cwd: APP_DIR, env: storefrontEnv() })
  return (Date.now() - started) / 1000
}

/** `next start` on 127.0.0.1:port; resolves once `/us` answers, with its recent output. */
export async function startStorefront({ port, url, env }) {
  const server = spawn(NEXT_BIN, ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: APP_DIR,
    env: storefrontEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  children.add(server)
  server.on("exit", () => children.delete(server))
  const output = []
  const keep = (c) => {
    output.push(String(c))
    if (output.length > 200) output.shift()
    if (process.env.E2E_VERBOSE) process.stdout.write(c)
  }
  server.stdout.on("data", keep)
  server.stderr.on("data", keep)
  const until = Date.now() + 60_000
  for (;;) {
    const ok = await fetch(`${url}/us`, { redirect: "manual" }).then((r) => r.status === 200, () => false)
    if (ok) return { output }
    if (Date.now() > until) throw new Error(`next start did not answer:\n${output.join("").slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}
