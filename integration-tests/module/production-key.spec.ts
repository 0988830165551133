import { spawnSync } from "node:child_process"
import pg from "pg"

jest.setTimeout(120_000)

const base = `postgres://${process.env.DB_USERNAME}:${process.env.DB_PASSWORD}@${process.env.DB_HOST}:${process.env.DB_PORT}`
const DB = `affiliate_no_key_${process.pid}`

async function sql<T>(database: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: `${base}/${database}` })
  await client.connect()
  try {
    return (await client.query(text)).rows as T[]
  } finally {
    await client.end()
  }
}

/*
 * An operator deploying to production without an encryption key learns it from `medusa db:migrate`,
 * the first command a deployment runs, before any table is created: not from the first boot after
 * a full migration.
 */
describe("medusa db:migrate in production without an encryption key", () => {
  beforeAll(async () => {
    await sql("postgres", `DROP DATABASE IF EXISTS ${DB}`)
    await sql("postgres", `CREATE DATABASE ${DB}`)
  })
  afterAll(async () => {
    await sql("postgres", `DROP DATABASE IF EXISTS ${DB}`)
  })

  it("stops with the reason before it migrates anything", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: `${base}/${DB}`, MEDUSA_DISABLE_TELEMETRY: "true" }
    delete env.AFFILIATE_ENCRYPTION_KEY
    delete env.AFFILIATE_PREVIOUS_ENCRYPTION_KEYS
    const run = spawnSync("node_modules/.bin/medusa", ["db:migrate"], { env, encoding: "utf8" })
    expect(run.status).not.toBe(0)
    expect(`${run.stdout}${run.stderr}`).toContain("set the encryptionKey option or AFFILIATE_ENCRYPTION_KEY")
    return sql<{ n: number }>(DB, "select count(*)::int as n from information_schema.tables where table_schema = 'public'").then(([{ n }]) => {
      expect(n).toBe(0)
    })
  })
})
