#!/usr/bin/env node
// `medusa plugin:db:generate` diffs the models against a live database: give it a throwaway one.
import { execFileSync } from "node:child_process"
import { ensureDatabase, startPostgres } from "./lib/postgres.mjs"

const pg = await startPostgres({ dataDir: ".test-pg" })
try {
  await ensureDatabase(pg, "affiliate_generate")
  execFileSync("npx", ["medusa", "plugin:db:generate"], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: pg.url("affiliate_generate"),
      DB_HOST: pg.host,
      DB_PORT: String(pg.port),
      DB_USERNAME: pg.user,
      DB_PASSWORD: pg.password,
      MEDUSA_DISABLE_TELEMETRY: "true",
    },
  })
} finally {
  await pg.stop()
}
