import { hasClickToken } from "./click-token"
import { type CookieOptions, type CookieSource, type CookieStore, readCookie, writeCookie } from "./cookies"

/** The shopper's answer about affiliate tracking. */
export type Consent = "granted" | "denied"

/** The storefront's own cookie holding the shopper's answer. */
export const CONSENT_COOKIE = "_affiliate_consent"

// A consent answer is asked again after about six months, as cookie banners usually do.
const CONSENT_MAX_AGE = 180 * 24 * 60 * 60

/** The shopper's recorded answer, or null when they have not answered yet. */
export function readConsent(cookies: CookieSource): Consent | null {
  const value = readCookie(cookies, CONSENT_COOKIE)
  return value === "granted" || value === "denied" ? value : null
}

/**
 * Whether a consent banner has something to ask: a click token is kept and the shopper has not
 * answered yet. Works on `document.cookie` in the browser (through the token's readable marker).
 */
export function awaitsConsent(cookies: CookieSource): boolean {
  return hasClickToken(cookies) && readConsent(cookies) === null
}

/**
 * Records the shopper's answer (from a banner, a checkbox, an account setting). The cookie is
 * readable by scripts so a banner can tell whether to show itself. False when the store refuses
 * (Next.js allows writes only in server actions and route handlers).
 */
export function writeConsent(cookies: CookieStore, consent: Consent, options: CookieOptions = {}): boolean {
  if (consent !== "granted" && consent !== "denied") return false
  return writeCookie(cookies, CONSENT_COOKIE, consent, {
    path: "/",
    sameSite: "lax",
    httpOnly: false,
    maxAge: CONSENT_MAX_AGE,
    ...options,
  })
}
