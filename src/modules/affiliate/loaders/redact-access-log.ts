import { createRequire } from "node:module"
import { redactForLog } from "../utils/log-redaction"

type Token = (req: unknown, res: unknown, arg?: string) => string | undefined
type Morgan = { token(name: string, fn: Token): void } & Record<string, Token | undefined>

const WRAPPED = Symbol.for("medusa-plugin-affiliate-s2s.redacted")

/**
 * Medusa's access log (morgan, set up by the framework's express loader, with no option to change
 * its format) prints every request's URL, referrer and user agent when the answer ends, whatever
 * the path and whoever answered it, including Medusa's own 401 and 404 before any plugin code
 * runs. An S2S key sent in a query string would be logged whole. This loader runs once when the
 * module boots, before the server answers anything, and wraps those three tokens so every line
 * has its keys and tokens redacted however they were encoded (README, "What the logs never show").
 * Morgan is loaded from where the framework loads it, so this is the instance that writes the log.
 */
export default async function redactAccessLog() {
  const fromFramework = createRequire(require.resolve("@medusajs/framework/http"))
  const morgan = fromFramework("morgan") as Morgan
  for (const name of ["url", "referrer", "user-agent"]) {
    const original = morgan[name]
    if (!original || (original as unknown as Record<symbol, boolean>)[WRAPPED]) continue
    const redacted: Token = (req, res, arg) => {
      const value = original(req, res, arg)
      return typeof value === "string" ? redactForLog(value) : value
    }
    ;(redacted as unknown as Record<symbol, boolean>)[WRAPPED] = true
    morgan.token(name, redacted)
  }
}
