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
