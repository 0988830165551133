// Running the Medusa CLI from the scripts (demo, browser tests, benchmark).
import { spawnSync } from "node:child_process"

export const MEDUSA_BIN = "node_modules/.bin/medusa"

/** Runs `medusa <args>` to completion; prints its output and throws when it fails. */
export function medusa(args, env, { allowFailure = false } = {}) {
  const run = spawnSync(MEDUSA_BIN, args, { env, encoding: "utf8" })
  if (run.status !== 0 && !allowFailure) {
    process.stdout.write(run.stdout ?? "")
    process.stderr.write(run.stderr ?? "")
    throw new Error(`medusa ${args.join(" ")} failed`)
  }
}

/** Polls `url` until `accept` likes the answer (a 2xx by default). */
export async function waitFor(url, { timeoutMs = 300_000, accept = (r) => r.ok } = {}) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if (accept(await fetch(url))) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/**
 * Stops a process started with `detached: true` and everything it started: SIGTERM to its
 * process group, then, once the leader is gone or after 10 s, SIGKILL to the group. `medusa
 * develop`'s type watcher (`medusa start --types`) ignores SIGTERM and would otherwise outlive
 * its parent and spin.
 */
export async function stopProcessGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return killGroup(child, "SIGKILL")
  const exited = new Promise((r) => child.once("exit", r))
  killGroup(child, "SIGTERM")
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
  killGroup(child, "SIGKILL")
}

function killGroup(child, signal) {
  try {
    if (child?.pid) process.kill(-child.pid, signal)
  } catch {}
}
