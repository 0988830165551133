import dns from "node:dns"
import * as http from "node:http"
import * as https from "node:https"
import { BlockList, isIP, type LookupFunction } from "node:net"

/**
 * Where the plugin may send requests of its own (outbound S2S, and any other call to a URL an
 * admin typed): public http(s) hosts only, unless the store owner allows private targets
 * (README, "Outbound S2S"). Two checks, because a host name can resolve to anything:
 *
 * - `targetProblem` when the URL is configured: scheme, user info, and any host that is an
 *   address of the host's own network however it is spelled (WHATWG URL parsing already turns
 *   `2130706433`, `0x7f000001`, `0177.1` and `127.1` into `127.0.0.1`), or a name that only
 *   exists inside one (`localhost`, `metadata.google.internal`, a name without a dot).
 * - `sendToTarget` when sending: the addresses a name resolves to are checked in the lookup the
 *   socket connects with, so DNS that answers differently later (rebinding) still cannot reach
 *   the host's network.
 */

export type TargetPolicy = { allowPrivateTargets: boolean }

/*
 * Every IANA special-purpose block that is not globally reachable (iana.org/assignments/
 * iana-ipv4-special-registry and iana-ipv6-special-registry), plus multicast.
 */
const IPV4_BLOCKS: [string, number, string][] = [
  ["0.0.0.0", 8, "an unspecified (this-network) address"],
  ["10.0.0.0", 8, "a private address"],
  ["100.64.0.0", 10, "a carrier-grade NAT address"],
  ["127.0.0.0", 8, "a loopback address"],
  ["169.254.0.0", 16, "a link-local address (cloud metadata lives here)"],
  ["172.16.0.0", 12, "a private address"],
  ["192.0.0.0", 24, "an IETF protocol address"],
  ["192.0.2.0", 24, "a documentation address"],
  ["192.88.99.0", 24, "a 6to4 relay address"],
  ["192.168.0.0", 16, "a private address"],
  ["198.18.0.0", 15, "a benchmarking address"],
  ["198.51.100.0", 24, "a documentation address"],
  ["203.0.113.0", 24, "a documentation address"],
  ["224.0.0.0", 4, "a multicast address"],
  ["240.0.0.0", 4, "a reserved address"],
]
const IPV6_BLOCKS: [string, number, string][] = [
  // Also `::` (unspecified), `::1` (loopback) and the deprecated IPv4-compatible `::a.b.c.d`.
  ["::", 96, "an unspecified, loopback or IPv4-compatible address"],
  ["64:ff9b:1::", 48, "a local-use NAT64 address"],
  ["100::", 64, "a discard address"],
  ["2001::", 23, "an IETF protocol address"],
  ["2001:db8::", 32, "a documentation address"],
  ["3fff::", 20, "a documentation address"],
  ["5f00::", 16, "a segment-routing address"],
  ["fc00::", 7, "a unique-local (private) address"],
  ["fe80::", 10, "a link-local address"],
  ["fec0::", 10, "a site-local address"],
  ["ff00::", 8, "a multicast address"],
]

function blockList(blocks: [string, number, string][], type: "ipv4" | "ipv6") {
  return blocks.map(([network, prefix, label]) => {
    const list = new BlockList()
    list.addSubnet(network, prefix, type)
    return { list, label }
  })
}
const V4 = blockList(IPV4_BLOCKS, "ipv4")
const V6 = blockList(IPV6_BLOCKS, "ipv6")

/** The eight 16-bit words of an IPv6 address (`::` expanded, a trailing dotted quad included). */
function ipv6Words(address: string): number[] {
  let text = address
  const quad = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/)
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number)
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null]
  const words = (part: string) => (part ? part.split(":").map((w) => parseInt(w, 16)) : [])
  const front = words(head)
  const back = tail === null ? [] : words(tail)
  return [...front, ...Array(8 - front.length - back.length).fill(0), ...back]
}

const wordsToIpv4 = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join(".")

/**
 * The IPv4 address an IPv6 one carries to the IPv4 network: IPv4-mapped (`::ffff:a.b.c.d`),
 * NAT64 (`64:ff9b::a.b.c.d`, what DNS64 answers on IPv6-only hosts) and 6to4 (`2002:AABB:CCDD::`).
 */
function embeddedIpv4(address: string): string | null {
  const w = ipv6Words(address)
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0)
  if (zeros(0, 5) && w[5] === 0xffff) return wordsToIpv4(w[6], w[7])
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return wordsToIpv4(w[6], w[7])
  if (w[0] === 0x2002) return wordsToIpv4(w[1], w[2])
  return null
}

/** Why an IP address is not a public one (e.g. "a loopback address"), or null when it is. */
export function addressProblem(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "")
  const family = isIP(bare)
  if (family === 4) return V4.find((b) => b.list.check(bare, "ipv4"))?.label ?? null
  if (family !== 6) return "not an IP address"
  const carried = embeddedIpv4(bare)
  if (carried) {
    const label = addressProblem(carried)
    return label ? `${label} (${carried}, inside an IPv6 address)` : null
  }
  return V6.find((b) => b.list.check(bare, "ipv6"))?.label ?? null
}

/**
 * Names that only mean something inside a network, never a partner's public endpoint: RFC 6761's
 * `localhost`, RFC 6762's `.local`, ICANN's private-use `.internal` (Google Cloud's metadata
 * server is `metadata.google.internal`), RFC 8375's `.home.arpa`, and `localhost.localdomain`.
 */
const INTERNAL_SUFFIXES = [".localhost", ".local", ".localdomain", ".internal", ".home.arpa"]
const INTERNAL_NAMES = new Set(["localhost", "metadata.goog", "metadata.google.internal"])

function hostNameProblem(host: string): string | null {
  if (INTERNAL_NAMES.has(host) || INTERNAL_SUFFIXES.some((s) => host.endsWith(s))) {
    return `a name that only exists inside a network (${host})`
  }
  // `redis`, `metadata`, `instance-data`: found through the host's DNS search domains.
  if (!host.includes(".")) return `a name without a domain (${host}), which resolves inside the host's network`
  return null
}

const PRIVATE_HINT = "; targets in the host's own network are refused unless the allowPrivateTargets option (AFFILIATE_ALLOW_PRIVATE_TARGETS) is on"

/**
 * The configuration-time check: null when `url` may be a target, otherwise the reason, worded to
 * follow the field's name ("outbound_url must …"). Scheme and user info are refused whatever the
 * policy: credentials in a URL would be stored and shown in clear.
 */
export function targetProblem(url: string, policy: TargetPolicy): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return "must be an absolute http(s) URL"
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "must be an http or https URL"
  if (parsed.username || parsed.password) {
    return "must not contain a user name or password (user@host): send credentials as the outbound API key or a query parameter"
  }
  if (policy.allowPrivateTargets) return null
  const host = parsed.hostname.toLowerCase().replace(/\.+$/, "")
  const problem = isIP(host.replace(/^\[|\]$/g, "")) ? addressProblem(host) : hostNameProblem(host)
  return problem ? `must not point at ${problem}${PRIVATE_HINT}` : null
}

/** What to send: a URL, a method, headers, a body, and how long to wait for the whole answer. */
export type TargetRequest = {
  url: string
  method: string
  headers?: Record<string, string>
  body?: string
  timeoutMs: number
  /** At most this many bytes of the answer are read (default 64 KiB); the rest is not waited for. */
  maxResponseBytes?: number
}

export type TargetAnswer =
  /** The target answered: its status and the start of its body (not redacted: the caller's job). */
  | { outcome: "answered"; status: number; body: string; durationMs: number }
  /** Not sent: the target is not allowed (see `targetProblem`), or a name resolved into the host's network. */
  | { outcome: "refused"; reason: string; durationMs: number }
  /** Sent or tried, but no answer: refused connection, DNS failure, TLS error, timeout. */
  | { outcome: "failed"; error: string; durationMs: number }

export type SendOptions = TargetPolicy & {
  /** The resolver the socket's lookup asks; Node's `dns.lookup` unless a test passes another. */
  resolve?: typeof dns.lookup
}

class RefusedTarget extends Error {}

/**
 * The lookup the socket connects with: unless private targets are allowed, every address the name
 * resolves to must be public, or the connection is refused before it is made. The socket connects
 * only to addresses this returns, so the address checked is the address connected to.
 */
function guardedLookup(resolve: typeof dns.lookup, hostname: string, policy: TargetPolicy): LookupFunction {
  return (name, options, callback) => {
    resolve(name, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4)
      const list = addresses as unknown as dns.LookupAddress[]
      for (const { address } of policy.allowPrivateTargets ? [] : list) {
        const problem = addressProblem(address)
        if (problem) return callback(new RefusedTarget(`${hostname} resolves to ${address}, ${problem}${PRIVATE_HINT}`), "", 4)
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
      callback(null, list[0].address, list[0].family)
    })
  }
}

/**
 * Sends one request to a target URL under the policy: refused without a connection when the URL or
 * the address its name resolves to is not allowed; otherwise the status and the start of the body.
 * Never throws, never follows a redirect (a 3xx is an answer), gives up after `timeoutMs`.
 */
export function sendToTarget(request: TargetRequest, options: SendOptions): Promise<TargetAnswer> {
  const started = Date.now()
  const elapsed = () => Date.now() - started
  const problem = targetProblem(request.url, options)
  // The origin only: the path and query may carry a key.
  const target = URL.canParse(request.url) ? `the target ${new URL(request.url).origin}` : "the target URL"
  if (problem) return Promise.resolve({ outcome: "refused", reason: `${target} ${problem}`, durationMs: 0 })
  const url = new URL(request.url)
  const client = url.protocol === "https:" ? https : http
  const maxBytes = request.maxResponseBytes ?? 64 * 1024
  const resolve = options.resolve ?? dns.lookup
  return new Promise((settle) => {
    let settled = false
    const finish = (answer: TargetAnswer) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      settle(answer)
    }
    const req = client.request(url, {
      method: request.method,
      headers: request.body === undefined ? request.headers : { ...request.headers, "Content-Length": String(Buffer.byteLength(request.body)) },
      // A socket of its own, connected through the guarded lookup (a pooled one might not have been).
      agent: false,
      lookup: guardedLookup(resolve, url.hostname, options),
    })
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs)
    req.on("error", (error) => {
      if (error instanceof RefusedTarget) finish({ outcome: "refused", reason: error.message, durationMs: elapsed() })
      else finish({ outcome: "failed", error: error.message || String(error), durationMs: elapsed() })
    })
    req.on("response", (res) => {
      const chunks: Buffer[] = []
      let size = 0
      const answered = () => finish({ outcome: "answered", status: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8"), durationMs: elapsed() })
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk)
        size += chunk.length
        if (size >= maxBytes) {
          answered()
          res.destroy()
        }
      })
      res.on("end", answered)
      // The status arrived: a body cut short (a reset, the timeout) still leaves an answer.
      res.on("error", answered)
      res.on("close", answered)
    })
    req.end(request.body)
  })
}
