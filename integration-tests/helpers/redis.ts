import { ChildProcess, spawn } from "node:child_process"
import { createServer } from "node:net"
import Redis from "ioredis"

/** A free TCP port on this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * A real Redis (Debian's `redis-server`, which CI installs) on its own port, without persistence,
 * that a test can stop and start again to play an outage.
 */
export async function startRedis(port?: number) {
  const chosen = port ?? (await freePort())
  let child: ChildProcess | null = null
  const start = async () => {
    child = spawn("redis-server", ["--port", String(chosen), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], { stdio: "ignore", detached: true })
    const client = new Redis(chosen, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    for (let i = 0; i < 100; i++) {
      try {
        await client.connect()
        await client.ping()
        client.disconnect()
        return
      } catch {
        await new Promise((r) => setTimeout(r, 50))
      }
    }
    throw new Error(`redis-server did not start on port ${chosen}`)
  }
  const stop = async () => {
    const running = child
    child = null
    if (!running || running.exitCode !== null) return
    const exited = new Promise((r) => running.once("exit", r))
    process.kill(-running.pid!, "SIGKILL")
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${chosen}`, port: chosen, start, stop }
}
