import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export type Received = { method: string; path: string; headers: IncomingMessage["headers"]; body: any }
export type Answer = { status: number; body?: unknown; raw?: string } | "hang"

/**
 * A real HTTP server standing in for the Medusa backend: it answers each request with the next
 * scripted answer (or hangs, to test timeouts) and keeps what it received.
 */
export async function startScriptedBackend() {
  const received: Received[] = []
  const answers: Answer[] = []
  const hanging = new Set<() => void>()
  const server: Server = createServer((req, res) => {
    let data = ""
    req.on("data", (chunk) => (data += chunk))
    req.on("end", () => {
      let body: any = data
      try {
        body = JSON.parse(data)
      } catch {}
      received.push({ method: req.method!, path: req.url!, headers: req.headers, body })
      const answer = answers.shift() ?? { status: 500, body: { message: "no scripted answer" } }
      if (answer === "hang") {
        hanging.add(() => res.destroy())
        return
      }
      const text = answer.raw ?? JSON.stringify(answer.body ?? {})
      res.writeHead(answer.status, { "content-type": answer.raw ? "text/html" : "application/json" })
      res.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    received,
    answer: (...next: Answer[]) => answers.push(...next),
    reset: () => {
      received.length = 0
      answers.length = 0
    },
    close: async () => {
      hanging.forEach((end) => end())
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** A URL on which nothing listens: a port that was just free. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}
