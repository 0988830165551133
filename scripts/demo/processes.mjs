// The demo's processes: each one it starts runs in a process group of its own, so the demo stops
// it with everything it started, and is registered with the watchdog (./reaper.mjs), so it stops
// even when the demo is killed outright. The demo also notices when whatever launched it is gone.
import { spawn, spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const REAPER = path.join(path.dirname(fileURLToPath(import.meta.url)), "reaper.mjs")

/** Sends a signal to a process or to a whole process group; false when there is none. */
export function kill({ group, id }, signal) {
  try {
    process.kill(group ? -id : id, signal)
    return true
  } catch {
    return false
  }
}

/** Whether the process (or any process of the group) still runs; a zombie counts as gone. */
export function isAlive(target) {
  if (!kill(target, 0)) return false
  return target.group || processState(target.id) !== "Z"
}

/** The state letter of a process (R, S, Z…) where /proc tells it, else "?". */
function processState(pid) {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "")[0]
  } catch {
    return "?"
  }
}

/** A process's parent pid and command line, or null when it is gone. */
export function processInfo(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    const ppid = Number(stat.replace(/^.*\) /s, "").split(" ")[1])
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean)
    return { ppid, args }
  } catch {
    // No /proc (macOS): ask ps.
    const out = spawnSync("ps", ["-o", "ppid=,args=", "-p", String(pid)], { encoding: "utf8" }).stdout?.trim()
    if (!out) return null
    const [ppid, ...args] = out.split(/\s+/)
    return { ppid: Number(ppid), args }
  }
}

/** A shell running one command, or a package manager running a script: a launcher, not the user's own process. */
function isLauncher(args) {
  // npm renames its process ("npm run demo"): one argument holding the words.
  const words = args.flatMap((a) => a.split(" "))
  const [program = "", ...rest] = words.map((a) => path.basename(a))
  if (/^(ba|da|z)?sh$/.test(program)) return rest[0] === "-c"
  return words.some((a) => /(^|\/)(npm|npx|pnpm|yarn)(-cli\.js|\.js|\.cjs)?$/.test(a))
}

/**
 * Calls `onGone` once whoever launched the demo is gone: the demo's parent, and through the
 * launchers between (`npm run` starts `sh -c`, which starts node), the process that ran them. A
 * terminal's shell, a CI step or a process manager killed outright sends no signal down: without
 * this the demo would run on, orphaned. Polls twice a second; answers the interval.
 */
export function watchLauncher(onGone) {
  const chain = []
  let pid = process.pid
  for (;;) {
    const info = processInfo(pid)
    if (!info) break
    chain.push({ pid, ppid: info.ppid })
    const parent = processInfo(info.ppid)
    if (!parent || info.ppid <= 1 || !isLauncher(parent.args)) break
    pid = info.ppid
  }
  const timer = setInterval(() => {
    if (chain.some(({ pid, ppid }) => processInfo(pid)?.ppid !== ppid)) {
      clearInterval(timer)
      onGone()
    }
  }, 500)
  timer.unref()
  return timer
}

/** Starts the watchdog in a session of its own; the demo tells it what to stop if it dies. */
export function startReaper() {
  const reaper = spawn(process.execPath, [REAPER], { detached: true, stdio: ["pipe", "ignore", "ignore"] })
  reaper.unref()
  reaper.stdin.on("error", () => {})
  reaper.stdin.unref?.()
  const say = (line) => {
    if (!reaper.stdin.destroyed) reaper.stdin.write(`${line}\n`)
  }
  return {
    watch: ({ group, id }, signal = "SIGTERM") => say(`${signal} ${group ? "group" : "process"} ${id}`),
    forget: ({ group, id }) => say(`forget ${group ? "group" : "process"} ${id}`),
  }
}

/**
 * Spawns a command in a process group of its own (so terminal signals reach the demo alone, which
 * stops it in order) and registers the group with the watchdog.
 */
export function spawnGroup(reaper, command, args, options = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options, detached: true })
  child.group = { group: true, id: child.pid }
  if (child.pid) {
    reaper.watch(child.group)
    running.add(child)
    child.once("exit", () => running.delete(child))
  }
  return child
}

/** The groups started by `spawnGroup` that are still running. */
export const running = new Set()

/** Stops a group started by `spawnGroup`: SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopGroup(reaper, child, graceMs) {
  if (!child?.pid) return
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r))
  kill(child.group, "SIGTERM")
  const until = Date.now() + graceMs
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))])
  // The leader may be gone while others of its group (a type watcher, esbuild) still run.
  while (Date.now() < until && isAlive(child.group)) await new Promise((r) => setTimeout(r, 100))
  kill(child.group, "SIGKILL")
  reaper.forget(child.group)
}

/** Runs a command in its own group to the end; rejects with its output when it fails. */
export function runGroup(reaper, command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(reaper, command, args, options)
    let output = ""
    child.stdout.on("data", (c) => (output += c))
    child.stderr.on("data", (c) => (output += c))
    child.on("exit", (code, signal) => {
      reaper.forget(child.group)
      if (code === 0) resolve(output)
      else reject(Object.assign(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? code})`), { output }))
    })
  })
}
