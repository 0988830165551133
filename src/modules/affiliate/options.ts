import { createHash } from "node:crypto"

/** What a store owner passes as the plugin's options (see README, "Plugin options"). */
export type AffiliatePluginOptions = {
  /** Secret for encrypting API keys at rest; falls back to AFFILIATE_ENCRYPTION_KEY. Required in production. */
  encryptionKey?: string
  /** Public base URL of this Medusa backend, used in tracking links and the S2S endpoint URL. */
  publicUrl?: string
  /** S2S calls allowed per API key per minute, in each server process. 0 turns the limit off. */
  rateLimitPerMinute?: number
  /** Tries of an outbound S2S delivery before it is marked failed (exponential backoff between). */
  outboundMaxAttempts?: number
}

export type ResolvedAffiliateOptions = {
  encryptionKey: Buffer
  publicUrl: string
  rateLimitPerMinute: number
  outboundMaxAttempts: number
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600
export const DEFAULT_OUTBOUND_MAX_ATTEMPTS = 8
const DEVELOPMENT_SECRET = "medusa-plugin-affiliate-s2s development key: set AFFILIATE_ENCRYPTION_KEY"

export function resolveOptions(options: AffiliatePluginOptions = {}): ResolvedAffiliateOptions {
  const secret = options.encryptionKey || process.env.AFFILIATE_ENCRYPTION_KEY
  if (!secret && process.env.NODE_ENV === "production") {
    throw new Error(
      "medusa-plugin-affiliate-s2s: set the encryptionKey option or AFFILIATE_ENCRYPTION_KEY (32+ random characters)"
    )
  }
  const rate = options.rateLimitPerMinute
  return {
    // Any secret string becomes a 256-bit AES key; a hex or base64 key works as well as a passphrase.
    encryptionKey: createHash("sha256").update(secret || DEVELOPMENT_SECRET).digest(),
    publicUrl: (options.publicUrl || process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(
      /\/+$/,
      ""
    ),
    rateLimitPerMinute:
      rate === undefined || !Number.isFinite(rate) || rate < 0 ? DEFAULT_RATE_LIMIT_PER_MINUTE : Math.floor(rate),
    outboundMaxAttempts:
      options.outboundMaxAttempts && options.outboundMaxAttempts >= 1
        ? Math.floor(options.outboundMaxAttempts)
        : DEFAULT_OUTBOUND_MAX_ATTEMPTS,
  }
}
