import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto"
import { randomBase62 } from "./random"
import { decodeEscapes } from "./escapes"

export const API_KEY_PREFIX = "s2s_"
/** 40 base62 characters: about 238 bits. */
const API_KEY_BODY_LENGTH = 40
/** How much of a key logs and the request log may show. */
const VISIBLE_PREFIX_LENGTH = API_KEY_PREFIX.length + 6

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBase62(API_KEY_BODY_LENGTH)
}

/**
 * The lookup hash. Keys are long random strings, so a plain SHA-256 cannot be reversed, and the
 * key itself is never compared in code: the database finds the row by this hash through a unique
 * index. Timing that lookup tells an attacker at most how much of a hash they guessed, and
 * choosing a key whose hash starts a certain way is a preimage search, so nothing leaks.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex")
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, VISIBLE_PREFIX_LENGTH) + "…"
}

/** AES-256-GCM; stored as base64 of iv (12 bytes) | tag (16 bytes) | ciphertext. */
export function encryptApiKey(key: string, secret: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", secret, iv)
  const ciphertext = Buffer.concat([cipher.update(key, "utf8"), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")
}

/**
 * Decrypts with the first of `secrets` that opens it (the current key, then earlier ones while a
 * rotation is under way); throws when none does.
 */
export function decryptApiKey(stored: string, secrets: Buffer | Buffer[]): string {
  return openSecret(stored, secrets).plain
}

/** The plain text and which of `secrets` opened it (0: the current key). */
export function openSecret(stored: string, secrets: Buffer | Buffer[]): { plain: string; keyIndex: number } {
  const keys = Array.isArray(secrets) ? secrets : [secrets]
  const raw = Buffer.from(stored, "base64")
  for (const [keyIndex, secret] of keys.entries()) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", secret, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return { plain: Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8"), keyIndex }
    } catch {
      // Not this key: GCM's tag fails for any other one.
    }
  }
  throw new Error("The secret cannot be decrypted with the configured encryption keys")
}

/** `s2s_` in any case and what follows it: a key, or a key's secret part under a changed prefix. */
const KEY_PATTERN = /s2s_[0-9A-Za-z]{6}[0-9A-Za-z]*/gi
/** The value of an `api_key` parameter or field, whatever it holds (a key without its prefix is still a secret). */
const KEY_PARAMETER = /(\bapi[_-]?key"?\s*[=:]\s*"?)([^&\s"',;}]{11,})/gi
const hasSecret = (text: string) => new RegExp(KEY_PATTERN.source, "i").test(text) || new RegExp(KEY_PARAMETER.source, "i").test(text)
/**
 * Replaces every API key in a string (a URL, a header, a log line) by its visible prefix. Keys are
 * looked for in the text as sent and after decoding it as often as it was encoded (`s2s%5F…`,
 * `s2s%255F…`, mixed case), so an encoding cannot walk around the redaction. When decoding revealed
 * a key, the decoded text is returned, redacted; otherwise the text is returned as it was.
 */
export function redactApiKeys(text: string): string {
  const decoded = decodeEscapes(text)
  const source = decoded !== text && hasSecret(decoded) ? decoded : text
  return source
    .replace(KEY_PATTERN, (key) => apiKeyPrefix(key))
    .replace(KEY_PARAMETER, (_, name: string, value: string) => name + (value.endsWith("…") ? value : apiKeyPrefix(value)))
}
