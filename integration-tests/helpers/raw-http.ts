import { connect } from "node:net"

export type RawAnswer = { status: number | null; headers: Record<string, string>; body: string }

/** Host and port of the app the runner started, from the axios client's base URL. */
export function target(baseURL: string | undefined): { host: string; port: number } {
  const url = new URL(baseURL ?? "http://localhost")
  return { host: url.hostname, port: Number(url.port) }
}

function parse(raw: string): RawAnswer {
  const [head, ...rest] = raw.split("\r\n\r\n")
  const [statusLine, ...lines] = head.split("\r\n")
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN)
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]))
  return { status: Number.isNaN(status) ? null : status, headers, body: rest.join("\r\n\r\n") }
}

/**
 * Sends `request` as raw bytes on a fresh connection and reads until the server closes it, for
 * what axios cannot send: any method, malformed input, a body cut short.
 */
export function rawRequest(baseURL: string | undefined, request: string | Buffer, { timeoutMs = 10_000 } = {}): Promise<RawAnswer> {
  const { host, port } = target(baseURL)
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    const socket = connect(port, host, () => socket.write(request))
    const done = () => resolve(parse(Buffer.concat(chunks).toString("latin1")))
    socket.on("data", (c) => chunks.push(c))
    socket.on("close", done)
    socket.on("error", () => undefined)
    socket.setTimeout(timeoutMs, () => socket.destroy())
  })
}

/** Sends the head and the first part of a body, then drops the connection mid-body. */
export function abortMidBody(baseURL: string | undefined, head: string, partialBody: string): Promise<void> {
  const { host, port } = target(baseURL)
  return new Promise((resolve) => {
    const socket = connect(port, host, () => {
      socket.write(head + partialBody)
      setTimeout(() => {
        socket.destroy()
        resolve()
      }, 200)
    })
    socket.on("error", () => resolve())
  })
}
