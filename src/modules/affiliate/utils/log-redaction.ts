import { redactApiKeys } from "./api-key"
import { decodeEscapes } from "./escapes"
import { redactStatementTokens } from "./statement-token"

/**
 * Any run this long of base62 characters is treated as a secret in a log line: every secret the
 * plugin issues is longer (an API key's body is 40, a statement token's 43), while a click token
 * (22) and Medusa's ids (a prefix and a 26-character ULID) are shorter and stay readable.
 */
export const SECRET_RUN_LENGTH = 32
/** What is left of a cut run: as much as the request log shows of a key's secret part. */
const KEPT = 6
const LONG_RUN = new RegExp(`[0-9A-Za-z]{${SECRET_RUN_LENGTH},}`, "g")

const cutLongRuns = (text: string) => text.replace(LONG_RUN, (run) => `${run.slice(0, KEPT)}…`)

/**
 * A URL, header or message as it may be logged (README, "What the logs never show"). Decoded before
 * matching, so no encoding walks around it: API keys keep their visible prefix, statement tokens
 * their first characters, and every other run of 32 or more base62 characters (a key's secret part
 * under a changed or missing prefix, `s2s-…`, `/x/…`) is cut after 6. When decoding revealed
 * anything, the decoded text is written; control characters are written as percent-escapes, so a
 * log line stays one line.
 */
export function redactForLog(text: string): string {
  const decoded = decodeEscapes(text)
  const redact = (t: string) => cutLongRuns(redactStatementTokens(redactApiKeys(t)))
  // The decoded text only when decoding revealed something to cut; else the text as it came.
  const redactedDecoded = decoded !== text ? redact(decoded) : decoded
  const source = redactedDecoded !== decoded ? redactedDecoded : redact(text)
  return source.replace(/[\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`)
}
