import { hashApiKey } from "../modules/affiliate/utils/api-key"
import { randomBase62 } from "../modules/affiliate/utils/random"

/*
 * The partner program's public addresses and one-use tokens. Links in mails are built on the
 * plugin's `publicUrl` (never on anything a request carries, so a forged Host header cannot send a
 * partner's token elsewhere); without one, on the local default.
 */

export const APPLY_PATH = "/affiliate/apply"
export const PORTAL_PATH = "/affiliate/portal"
const LOCAL_DEFAULT = "http://localhost:9000"

export const CONFIRM_TOKEN_PREFIX = "apc_"
export const CONFIRM_TOKEN_PATTERN = /^apc_[0-9A-Za-z]{43}$/
/** How long an applicant's confirmation link works. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** How long the set-password link of an approval mail works (a reset link works Medusa's 15 minutes). */
export const INVITE_TTL_SECONDS = 7 * 24 * 60 * 60

/** 43 base62 characters (about 256 bits); only its SHA-256 is stored. */
export function generateConfirmToken(): string {
  return CONFIRM_TOKEN_PREFIX + randomBase62(43)
}
export const hashConfirmToken = hashApiKey

/** An affiliate's link for a campaign, on `base`: `/affiliate/click/<handle>?aff=<code>`, with any sub values or deep link. */
export function trackingLinkUrl(base: string, handle: string, code: string, extra: Record<string, string | undefined> = {}): string {
  const url = new URL(`${base}/affiliate/click/${encodeURIComponent(handle)}`)
  url.searchParams.set("aff", code)
  for (const [key, value] of Object.entries(extra)) if (value) url.searchParams.set(key, value)
  return url.href
}

export function mailBase(publicUrl: string | null): string {
  return (publicUrl ?? LOCAL_DEFAULT).replace(/\/+$/, "")
}

export const partnerUrls = (publicUrl: string | null) => {
  const base = mailBase(publicUrl)
  return {
    confirm: (token: string) => `${base}${APPLY_PATH}/confirm?token=${encodeURIComponent(token)}`,
    portal: (page = "") => `${base}${PORTAL_PATH}${page}`,
    setPassword: (token: string) => `${base}${PORTAL_PATH}/set-password?token=${encodeURIComponent(token)}`,
    resetPassword: () => `${base}${PORTAL_PATH}/reset-password`,
    adminApplications: () => `${base}/app/affiliate/applications`,
  }
}

/** A partner code from a name: its letters and digits, then 4 random characters (`Anna Berg` → `annaberg-x7Q2`). */
export function codeFromName(name: string): string {
  const stem = name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "").toLowerCase().slice(0, 24) || "partner"
  return `${stem}-${randomBase62(4)}`
}

/** Replaces confirmation tokens in a string (a URL in an access log) by their first characters. */
export function redactPartnerTokens(text: string): string {
  return text.replace(/apc_[0-9A-Za-z]{4}[0-9A-Za-z]*/g, (t) => `${t.slice(0, 8)}…`).replace(/([?&#]token=)[^&#\s]{12,}/g, "$1…")
}
