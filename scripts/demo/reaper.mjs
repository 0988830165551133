#!/usr/bin/env node
// The demo's watchdog. `npm run demo` starts it in a session of its own (so no signal meant for the
// demo reaches it) with a pipe on its stdin, and writes a line for everything it starts:
// `<signal> group <pgid>` or `<signal> process <pid>`, and `forget <kind> <id>` once it stopped
// that itself. When the pipe closes, the demo is gone, however it died (even SIGKILL): this sends
// each registered one its signal, SIGKILL after GRACE_MS, and exits.
import { isAlive, kill } from "./processes.mjs"

const GRACE_MS = 5000
const entries = new Map() // "group 123" -> signal

let buffered = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", (chunk) => {
  buffered += chunk
  let newline
  while ((newline = buffered.indexOf("\n")) !== -1) {
    const [verb, kind, id] = buffered.slice(0, newline).trim().split(/\s+/)
    buffered = buffered.slice(newline + 1)
    if (kind !== "group" && kind !== "process") continue
    if (verb === "forget") entries.delete(`${kind} ${id}`)
    else entries.set(`${kind} ${id}`, verb)
  }
})
process.stdin.on("end", reap)
process.stdin.on("error", reap)
// Only an explicit kill reaches this session; the demo's own signals never do.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => {})

let reaping = false
async function reap() {
  if (reaping) return
  reaping = true
  const targets = [...entries].map(([key, signal]) => {
    const [kind, id] = key.split(" ")
    return { group: kind === "group", id: Number(id), signal }
  })
  for (const t of targets) kill(t, t.signal)
  const until = Date.now() + GRACE_MS
  while (Date.now() < until && targets.some(isAlive)) await new Promise((r) => setTimeout(r, 100))
  for (const t of targets.filter(isAlive)) kill(t, "SIGKILL")
  process.exit(0)
}
