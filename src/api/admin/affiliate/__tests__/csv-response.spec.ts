import { Writable } from "node:stream"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCsv } from "../csv-response"

/** A response whose socket takes 16 bytes at a time, slowly: every batch has to wait for `drain`. */
function slowResponse() {
  const received: string[] = []
  const listeners = { close: 0, error: 0 }
  const res = new Writable({
    highWaterMark: 16,
    write(chunk, _encoding, done) {
      received.push(chunk.toString())
      // The most listeners seen while the download streams (the response closes at the end, which
      // would call any leftover ones away).
      listeners.close = Math.max(listeners.close, res.listenerCount("close"))
      listeners.error = Math.max(listeners.error, res.listenerCount("error"))
      setImmediate(done)
    },
  }) as Writable & { status: () => unknown; set: () => unknown }
  res.status = () => res
  res.set = () => res
  return { res, received, listeners }
}

describe("sendCsv", () => {
  it("waits for the socket batch after batch without leaving a listener behind per batch", async () => {
    const { res, received, listeners } = slowResponse()
    async function* batches() {
      for (let b = 0; b < 50; b++) yield [{ id: `row-${b}` }]
    }
    await sendCsv({} as MedusaRequest, res as unknown as MedusaResponse, {
      filename: "rows",
      columns: [{ header: "id", value: (row: { id: string }) => row.id }],
      batches: batches(),
    })
    await new Promise((resolve) => res.on("finish", resolve))

    expect(received.join("").split("\r\n").filter(Boolean)).toEqual(["id", ...Array.from({ length: 50 }, (_, b) => `row-${b}`)])
    // sendCsv's own "close" listener and the current wait's; one per batch would be 50 (Node warns past 10).
    expect(listeners.close).toBeLessThanOrEqual(3)
    expect(listeners.error).toBeLessThanOrEqual(2)
  })
})
