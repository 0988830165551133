// A real Redis (Debian's `redis-server`) for the production-topology check: its own port, no
// persistence, in its own process group so it can be stopped for an outage and started again.
import { spawn } from "node:child_process"
import { connect } from "node:net"

function ping(port) {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("PING\r\n"))
    socket.once("data", (d) => {
      socket.destroy()
      resolve(String(d).startsWith("+PONG"))
    })
    socket.once("error", () => resolve(false))
  })
}

export async function startRedis({ port }) {
  let child = null
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], {
      stdio: "ignore",
      detached: true,
    })
    for (let i = 0; i < 100; i++) {
      if (await ping(port)) return
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`redis-server did not start on port ${port} (is Debian's redis-server installed?)`)
  }
  const stop = async () => {
    const running = child
    child = null
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((r) => running.once("exit", r))
    try {
      process.kill(-running.pid, "SIGKILL")
    } catch {}
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, start, stop }
}
