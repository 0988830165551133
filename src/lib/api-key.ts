import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto"
import { randomBase62 } from "./random"

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

export function decryptApiKey(stored: string, secret: Buffer): string {
  const raw = Buffer.from(stored, "base64")
  const decipher = createDecipheriv("aes-256-gcm", secret, raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")
}

/** Replaces every API key in a string (a URL, a log line) by its visible prefix. */
export function redactApiKeys(text: string): string {
  return text.replace(/s2s_[0-9A-Za-z]{6}[0-9A-Za-z]*/g, (key) => apiKeyPrefix(key))
}
