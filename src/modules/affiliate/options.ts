import { createHash } from "node:crypto"

/**
 * What a store owner passes as the plugin's options (README, "Plugin options"). Every option
 * falls back to an AFFILIATE_* environment variable that the plugin reads itself, so a host app
 * can configure it without code.
 */
export type AffiliatePluginOptions = {
  /** Secret for encrypting API keys at rest (AFFILIATE_ENCRYPTION_KEY). Required in production. */
  encryptionKey?: string
  /** Public base URL of this Medusa backend (AFFILIATE_PUBLIC_URL, then MEDUSA_BACKEND_URL). */
  publicUrl?: string
  /** S2S calls allowed per API key per minute (AFFILIATE_RATE_LIMIT_PER_MINUTE). 0 turns the limit off. */
  rateLimitPerMinute?: number
  /** Tries of an outbound S2S delivery before it is marked failed (AFFILIATE_OUTBOUND_MAX_ATTEMPTS). */
  outboundMaxAttempts?: number
  /** Request-log rows older than this many days are deleted (AFFILIATE_REQUEST_LOG_RETENTION_DAYS); 0 keeps them. */
  requestLogRetentionDays?: number
  /**
   * A click's visitor details (user agent, referrer, IP hash, landing URL) are cleared this many
   * days after its attribution window ends (AFFILIATE_CLICK_DETAILS_GRACE_DAYS); the click still counts.
   */
  clickDetailsGraceDays?: number
}

export type ResolvedAffiliateOptions = {
  encryptionKey: Buffer
  publicUrl: string
  rateLimitPerMinute: number
  outboundMaxAttempts: number
  requestLogRetentionDays: number
  clickDetailsGraceDays: number
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600
export const DEFAULT_OUTBOUND_MAX_ATTEMPTS = 8
export const DEFAULT_REQUEST_LOG_RETENTION_DAYS = 90
export const DEFAULT_CLICK_DETAILS_GRACE_DAYS = 30
const DEVELOPMENT_SECRET = "medusa-plugin-affiliate-s2s development key: set AFFILIATE_ENCRYPTION_KEY"

/** A whole number of at least `min` from the option, else the environment, else the default. */
function wholeNumber(option: number | undefined, envName: string, fallback: number, min = 0): number {
  const raw = option ?? (process.env[envName] ? Number(process.env[envName]) : undefined)
  return raw === undefined || !Number.isFinite(raw) || raw < min ? fallback : Math.floor(raw)
}

export function resolveOptions(options: AffiliatePluginOptions = {}): ResolvedAffiliateOptions {
  const secret = options.encryptionKey || process.env.AFFILIATE_ENCRYPTION_KEY
  if (!secret && process.env.NODE_ENV === "production") {
    throw new Error(
      "medusa-plugin-affiliate-s2s: set the encryptionKey option or AFFILIATE_ENCRYPTION_KEY (32+ random characters)"
    )
  }
  const publicUrl = options.publicUrl || process.env.AFFILIATE_PUBLIC_URL || process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
  return {
    // Any secret string becomes a 256-bit AES key; a hex or base64 key works as well as a passphrase.
    encryptionKey: createHash("sha256").update(secret || DEVELOPMENT_SECRET).digest(),
    publicUrl: publicUrl.replace(/\/+$/, ""),
    rateLimitPerMinute: wholeNumber(options.rateLimitPerMinute, "AFFILIATE_RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT_PER_MINUTE),
    outboundMaxAttempts: wholeNumber(options.outboundMaxAttempts, "AFFILIATE_OUTBOUND_MAX_ATTEMPTS", DEFAULT_OUTBOUND_MAX_ATTEMPTS, 1),
    requestLogRetentionDays: wholeNumber(options.requestLogRetentionDays, "AFFILIATE_REQUEST_LOG_RETENTION_DAYS", DEFAULT_REQUEST_LOG_RETENTION_DAYS),
    clickDetailsGraceDays: wholeNumber(options.clickDetailsGraceDays, "AFFILIATE_CLICK_DETAILS_GRACE_DAYS", DEFAULT_CLICK_DETAILS_GRACE_DAYS),
  }
}
