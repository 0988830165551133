import type { MedusaRequest } from "@medusajs/framework/http"

/** The client closed the connection before its body was complete. */
export class ClientAborted extends Error {}

/** The body is not valid UTF-8. */
export class NotUtf8 extends Error {}

const utf8 = new TextDecoder("utf-8", { fatal: true })

/**
 * A request's body as UTF-8 text, read by the route itself (the framework's parsers are off for
 * it), or null when it passes `maxBytes`. An oversized body is drained, not stored, so the client
 * still reads the 413 instead of a reset connection.
 */
export async function readRawBody(req: MedusaRequest, maxBytes: number): Promise<string | null> {
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
    req.resume()
    return null
  }
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size <= maxBytes) chunks.push(chunk)
    }
  } catch (e) {
    // Node ends the stream with "aborted" (ECONNRESET) when the client goes away mid-body.
    if (req.destroyed || (e as NodeJS.ErrnoException)?.code === "ECONNRESET") throw new ClientAborted()
    throw e
  }
  if (!req.complete) throw new ClientAborted()
  if (size > maxBytes) return null
  try {
    return utf8.decode(Buffer.concat(chunks))
  } catch {
    throw new NotUtf8("Body is not valid UTF-8")
  }
}

/** The media type a request declares, lower-case, without parameters. */
export const mediaType = (req: MedusaRequest) => String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase()
