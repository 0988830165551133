import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Runs a named prepared statement on one of the pool's connections. Postgres then plans each hot
 * statement once per connection instead of on every call: planning took ~1.8 ms of the S2S
 * lookup's ~2 ms when it went through knex.raw (measured with EXPLAIN ANALYZE).
 */
export async function runPrepared<T>(knex: Knex, name: string, text: string, values: unknown[]): Promise<T[]> {
  const connection = await knex.client.acquireConnection()
  try {
    const result = await connection.query({ name, text, values })
    return result.rows as T[]
  } finally {
    await knex.client.releaseConnection(connection)
  }
}
