import { once } from "node:events"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CsvColumn, csvHeader, csvRows } from "../../../lib/csv"

export type CsvExport<T> = {
  /** The download's name, without the extension. */
  filename: string
  columns: readonly CsvColumn<T>[]
  /** The rows, a batch at a time, read from the database as they are written. */
  batches: AsyncIterable<T[]>
}

/**
 * Streams a CSV download (README, "Exports"): each batch is read, written and let go before the
 * next one is read, and a full socket pauses the reading (`drain`), so memory holds one batch
 * whatever the row count. The first batch is read before the answer starts, so a failure there is
 * an ordinary error answer; a failure later ends the connection (the download is incomplete, and
 * the browser says so). A client that goes away stops the reading.
 */
export async function sendCsv<T>(req: MedusaRequest, res: MedusaResponse, csv: CsvExport<T>) {
  const iterator = csv.batches[Symbol.asyncIterator]()
  let next = await iterator.next()
  const stamp = new Date().toISOString().slice(0, 10)
  res.status(200)
  res.set({
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${csv.filename}-${stamp}.csv"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  })
  let closed = false
  res.on("close", () => (closed = true))
  try {
    await write(res, csvHeader(csv.columns))
    while (!next.done && !closed) {
      await write(res, csvRows(csv.columns, next.value))
      next = await iterator.next()
    }
    if (closed) await iterator.return?.()
    res.end()
  } catch (e) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`CSV export ${csv.filename} stopped: ${(e as Error)?.message ?? e}`)
    res.destroy(e as Error)
  }
}

/**
 * Writes a chunk, waiting for the socket to drain when its buffer is full (back-pressure). The
 * wait that loses the race is cancelled, so no listener is left on the response per batch.
 */
async function write(res: MedusaResponse, chunk: string) {
  if (!chunk || res.write(chunk)) return
  const waited = new AbortController()
  try {
    await Promise.race([once(res, "drain", { signal: waited.signal }), once(res, "close", { signal: waited.signal })])
  } finally {
    waited.abort()
  }
}
