import { createHash } from "node:crypto"

/**
 * What a store owner passes as the plugin's options (README, "Plugin options"). Every option
 * falls back to an AFFILIATE_* environment variable that the plugin reads itself, so a host app
 * can configure it without code.
 */
export type AffiliatePluginOptions = {
  /** Secret for encrypting API keys at rest (AFFILIATE_ENCRYPTION_KEY). Required in production. */
  encryptionKey?: string
  /**
   * Earlier encryption keys that still decrypt what they encrypted, while a rotation is under way
   * (AFFILIATE_PREVIOUS_ENCRYPTION_KEYS, comma-separated). New secrets use `encryptionKey` only.
   */
  previousEncryptionKeys?: string[]
  /**
   * Public base URL of this Medusa backend (AFFILIATE_PUBLIC_URL). Unset, admins are shown the URL
   * the admin is served from; MEDUSA_BACKEND_URL only when that cannot be read.
   */
  publicUrl?: string
  /** S2S calls allowed per API key per minute (AFFILIATE_RATE_LIMIT_PER_MINUTE). 0 turns the limit off. */
  rateLimitPerMinute?: number
  /**
   * The Redis that keeps the rate limit for all server processes (AFFILIATE_RATE_LIMIT_REDIS_URL).
   * By default the Redis the host configures for Medusa's own modules; without one, each process
   * keeps the limit in its memory.
   */
  rateLimitRedisUrl?: string
  /** Tries of an outbound S2S delivery before it is marked failed (AFFILIATE_OUTBOUND_MAX_ATTEMPTS). */
  outboundMaxAttempts?: number
  /** Request-log rows older than this many days are deleted (AFFILIATE_REQUEST_LOG_RETENTION_DAYS); 0 keeps them. */
  requestLogRetentionDays?: number
  /**
   * A click's visitor details (user agent, referrer, IP hash, landing URL) are cleared this many
   * days after its attribution window ends (AFFILIATE_CLICK_DETAILS_GRACE_DAYS); the click still counts.
   */
  clickDetailsGraceDays?: number
  /**
   * Lets outbound targets be in the host's own network: loopback, private, link-local and
   * unique-local addresses, `localhost` and other internal names (AFFILIATE_ALLOW_PRIVATE_TARGETS).
   * Off by default, so an admin account cannot make the server call its own network (SSRF).
   */
  allowPrivateTargets?: boolean
  /**
   * The request header the host's CDN puts the visitor's country in (AFFILIATE_COUNTRY_HEADER),
   * e.g. `x-country`. Set, only this header is read; unset, `CF-IPCountry`,
   * `CloudFront-Viewer-Country` and `X-Vercel-IP-Country` are (README, "Trust").
   */
  countryHeader?: string
}

export type ResolvedAffiliateOptions = {
  /** Encrypts new secrets. */
  encryptionKey: Buffer
  /** Decrypt stored secrets: the current key first, then the previous ones. */
  decryptionKeys: Buffer[]
  /** True when no key was configured and the development key is in use (a warning is logged at boot). */
  usingDevelopmentKey: boolean
  /** Null when not configured: the admin then shows the URL it is served from. */
  publicUrl: string | null
  /** MEDUSA_BACKEND_URL, the last fallback for public URLs (README, "Plugin options"). */
  medusaBackendUrl: string | null
  rateLimitPerMinute: number
  rateLimitRedisUrl: string | null
  outboundMaxAttempts: number
  requestLogRetentionDays: number
  clickDetailsGraceDays: number
  allowPrivateTargets: boolean
  /** Lower-case header name, or null: the well-known CDN headers are read. */
  countryHeader: string | null
}

/** What the module service tells callers: the settings, never the encryption keys. */
export type AffiliateSettings = Omit<ResolvedAffiliateOptions, "encryptionKey" | "decryptionKeys">

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

/** The option when given, else the environment variable read as a yes/no (`true`, `1`, `yes`, `on`). */
function flag(option: boolean | undefined, envName: string): boolean {
  if (option !== undefined) return option === true
  return ["true", "1", "yes", "on"].includes((process.env[envName] ?? "").trim().toLowerCase())
}

export const MISSING_PRODUCTION_KEY =
  "medusa-plugin-affiliate-s2s: set the encryptionKey option or AFFILIATE_ENCRYPTION_KEY (32+ random characters): " +
  "NODE_ENV is production and API keys must not be encrypted with the public development key"

/** The configured encryption secret (option, then environment), or null when there is none. */
export function configuredSecret(options: AffiliatePluginOptions = {}): string | null {
  return options.encryptionKey || process.env.AFFILIATE_ENCRYPTION_KEY || null
}

/** Throws the message operators see when production runs without a key (at boot, and before db:migrate). */
export function assertProductionKey(options: AffiliatePluginOptions = {}) {
  if (!configuredSecret(options) && process.env.NODE_ENV === "production") throw new Error(MISSING_PRODUCTION_KEY)
}

// Any secret string becomes a 256-bit AES key; a hex or base64 key works as well as a passphrase.
const aesKey = (secret: string) => createHash("sha256").update(secret).digest()

function previousSecrets(options: AffiliatePluginOptions): string[] {
  const listed = options.previousEncryptionKeys ?? (process.env.AFFILIATE_PREVIOUS_ENCRYPTION_KEYS ?? "").split(",")
  return listed.map((s) => s.trim()).filter(Boolean)
}

export function resolveOptions(options: AffiliatePluginOptions = {}): ResolvedAffiliateOptions {
  assertProductionKey(options)
  const secret = configuredSecret(options)
  const current = aesKey(secret ?? DEVELOPMENT_SECRET)
  // The development key is always worth trying last: it is what a fresh installation encrypted with.
  const previous = [...previousSecrets(options), ...(secret ? [DEVELOPMENT_SECRET] : [])].map(aesKey)
  const publicUrl = options.publicUrl || process.env.AFFILIATE_PUBLIC_URL || null
  return {
    encryptionKey: current,
    decryptionKeys: [current, ...previous.filter((k) => !k.equals(current))],
    usingDevelopmentKey: !secret,
    publicUrl: publicUrl ? publicUrl.replace(/\/+$/, "") : null,
    medusaBackendUrl: process.env.MEDUSA_BACKEND_URL || null,
    rateLimitPerMinute: wholeNumber(options.rateLimitPerMinute, "AFFILIATE_RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT_PER_MINUTE),
    rateLimitRedisUrl: options.rateLimitRedisUrl || process.env.AFFILIATE_RATE_LIMIT_REDIS_URL || null,
    outboundMaxAttempts: wholeNumber(options.outboundMaxAttempts, "AFFILIATE_OUTBOUND_MAX_ATTEMPTS", DEFAULT_OUTBOUND_MAX_ATTEMPTS, 1),
    requestLogRetentionDays: wholeNumber(options.requestLogRetentionDays, "AFFILIATE_REQUEST_LOG_RETENTION_DAYS", DEFAULT_REQUEST_LOG_RETENTION_DAYS),
    clickDetailsGraceDays: wholeNumber(options.clickDetailsGraceDays, "AFFILIATE_CLICK_DETAILS_GRACE_DAYS", DEFAULT_CLICK_DETAILS_GRACE_DAYS),
    allowPrivateTargets: flag(options.allowPrivateTargets, "AFFILIATE_ALLOW_PRIVATE_TARGETS"),
    countryHeader: (options.countryHeader || process.env.AFFILIATE_COUNTRY_HEADER || "").trim().toLowerCase() || null,
  }
}
