// Summarises a V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes it) the way a flame graph
// is read: where the time went, by package and by function (self time, busy time only).
import { readFileSync } from "node:fs"

const IDLE = new Set(["(idle)", "(program)"])

/** What a frame belongs to: a package under node_modules, Node itself, the plugin, or V8. */
function ownerOf({ url, functionName }) {
  if (!url) return functionName === "(garbage collector)" ? "V8: garbage collection" : `V8: ${functionName || "(native)"}`
  if (url.startsWith("node:")) return "Node core (sockets, streams, http)"
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (pkg) return pkg[1]
  if (url.includes("/modules/affiliate/")) return "plugin: affiliate module"
  if (url.includes("/src/")) return "plugin: routes, workflows"
  return url
}

/** `window`: only the samples taken between these two times (ms from the profile's start), e.g. the load. */
export function summarizeProfile(file, { top = 12, window = [0, Infinity] } = {}) {
  const profile = JSON.parse(readFileSync(file, "utf8"))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  // Sample i was taken timeDeltas[i] after the previous one and lasted until the next.
  let at = 0
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i]
    if (at / 1000 < window[0] || at / 1000 > window[1]) continue
    const node = byId.get(profile.samples[i])
    const us = profile.timeDeltas[i + 1] ?? 0
    self.set(node, (self.get(node) ?? 0) + us)
  }
  let busy = 0
  const owners = new Map()
  const functions = new Map()
  for (const [node, us] of self) {
    if (IDLE.has(node.callFrame.functionName)) continue
    busy += us
    const owner = ownerOf(node.callFrame)
    owners.set(owner, (owners.get(owner) ?? 0) + us)
    const fn = `${node.callFrame.functionName || "(anonymous)"} (${owner})`
    functions.set(fn, (functions.get(fn) ?? 0) + us)
  }
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, share: `${((us / busy) * 100).toFixed(1)} %` }))
  return { busy_ms: Math.round(busy / 1000), by_owner: rank(owners), by_function: rank(functions) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, from = "0", to = "Infinity"] = process.argv.slice(2)
  const summary = summarizeProfile(file, { window: [Number(from), Number(to)] })
  console.log(`busy: ${summary.busy_ms} ms`)
  console.log("\nby package (self time):")
  for (const r of summary.by_owner) console.log(`  ${r.share.padStart(7)}  ${r.name}`)
  console.log("\nby function (self time):")
  for (const r of summary.by_function) console.log(`  ${r.share.padStart(7)}  ${r.name}`)
}
