import dns from "node:dns"
import * as http from "node:http"
import * as https from "node:https"
import { isIP, type LookupFunction } from "node:net"
import { addressProblem } from "./special-addresses"

export { addressProblem }

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
