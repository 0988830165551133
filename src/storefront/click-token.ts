import {
  type CookieOptions,
  type CookieSource,
  type CookieStore,
  deleteCookie,
  readCookie,
  setResponseCookie,
  writeCookie,
} from "./cookies"

/** The query parameter the affiliate link appends to the landing URL. */
export const CLICK_TOKEN_PARAM = "click_token"
/** Beside it: when the click's attribution window ends, in Unix seconds. */
export const CLICK_EXPIRES_AT_PARAM = "click_expires_at"
/** The storefront's own first-party cookie holding the most recent click token (HttpOnly). */
export const CLICK_TOKEN_COOKIE = "_affiliate_click_token"
/**
 * A cookie scripts can read, set and removed with the token, holding no token: it tells a consent
 * banner in the browser that there is something to ask about (the token cookie is HttpOnly).
 */
export const CLICK_KEPT_COOKIE = "_affiliate_click_kept"

// The backend refuses longer tokens; anything longer is not one of its tokens.
const MAX_CLICK_TOKEN_LENGTH = 128
// The campaigns' default attribution window, for a landing URL that does not say when it ends.
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60
// Browsers keep no cookie longer than 400 days; the longest attribution window is 365 days.
const MAX_COOKIE_AGE = 400 * 24 * 60 * 60

export type ClickTokenOptions = CookieOptions & {
  /** A token to keep instead of the landing URL's (e.g. from `recordAffiliateClick`). */
  clickToken?: string | null
}

/**
 * The `click_token` of a landing URL, exactly as the affiliate link sent it (decoded once, never
 * trimmed or case-folded), or null.
 */
export function clickTokenFromUrl(url: string | URL | null | undefined): string | null {
  if (!url) return null
  let token: string | null
  try {
    token = new URL(String(url), "http://localhost").searchParams.get(CLICK_TOKEN_PARAM)
  } catch {
    return null
  }
  return token && token.length <= MAX_CLICK_TOKEN_LENGTH ? token : null
}

/**
 * Seconds left in the click's attribution window, from the landing URL's `click_expires_at`: null
 * when the URL does not say (or says nothing readable), 0 or less once the window has ended.
 */
export function secondsLeftFromUrl(url: string | URL | null | undefined, now = Date.now()): number | null {
  if (!url) return null
  let value: string | null
  try {
    value = new URL(String(url), "http://localhost").searchParams.get(CLICK_EXPIRES_AT_PARAM)
  } catch {
    return null
  }
  if (!value || !/^\d{1,12}$/.test(value)) return null
  return Math.min(Number(value) - Math.floor(now / 1000), MAX_COOKIE_AGE)
}

/** A request as middleware sees it: its URL and, when there are, its method and headers. */
export type IncomingRequest = { url: string; method?: string; headers?: { get(name: string): string | null } }

/**
 * The URL the shopper's browser asked for. Behind a proxy, or on a loopback host, the URL a
 * framework hands its middleware can name its own host (Next.js turns 127.0.0.1 into localhost);
 * the Host and X-Forwarded-* headers say which host and scheme the browser used.
 */
export function publicUrl(request: IncomingRequest): URL | null {
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return null
  }
  const header = (name: string) => request.headers?.get(name)?.split(",")[0].trim() || null
  const host = header("x-forwarded-host") ?? header("host")
  const proto = header("x-forwarded-proto")
  try {
    if (proto === "http" || proto === "https") url.protocol = `${proto}:`
    if (host) {
      url.port = "" // a Host without a port means the scheme's default
      url.host = host
    }
  } catch {}
  return url
}

function cookieOptions(url: URL | null, maxAge: number | null, options: ClickTokenOptions): CookieOptions {
  const { clickToken: _ignored, ...cookie } = options
  const secure = url?.protocol === "https:"
  return { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: maxAge ?? DEFAULT_MAX_AGE, ...cookie }
}

/** What the landing URL (or the caller) gives to keep: the token and its cookie's lifetime, or null. */
function tokenToKeep(url: string | URL | null | undefined, options: ClickTokenOptions): { token: string; maxAge: number | null } | null {
  if (options.clickToken) return { token: options.clickToken, maxAge: null }
  const token = clickTokenFromUrl(url)
  if (!token) return null
  const maxAge = secondsLeftFromUrl(url)
  // A landing URL opened after its window ended (a bookmark, an old mail): the backend would refuse it.
  if (maxAge !== null && maxAge <= 0) return null
  return { token, maxAge }
}

/** The marker beside the token: same lifetime, readable by scripts, no token in it. */
const markerOptions = (options: CookieOptions): CookieOptions => ({ ...options, httpOnly: false })

function parsedUrl(url: string | URL | null | undefined): URL | null {
  try {
    return url ? new URL(String(url)) : null
  } catch {
    return null
  }
}

/**
 * For middleware (Next.js `middleware` or `proxy`): keeps the landing URL's `click_token` in a
 * first-party cookie on whatever response the storefront returns — a redirect, a rewrite or
 * `next()` — and returns that response. Without a token it returns the response untouched; it
 * never throws.
 *
 *   export async function middleware(request: NextRequest) {
 *     return withAffiliateToken(request, await routeByRegion(request))
 *   }
 */
export function withAffiliateToken<R extends Response>(request: IncomingRequest, response: R, options: ClickTokenOptions = {}): R {
  try {
    const kept = tokenToKeep(request.url, options)
    if (!kept) return response
    const cookie = cookieOptions(publicUrl(request), kept.maxAge, options)
    const withToken = setResponseCookie(response, CLICK_TOKEN_COOKIE, kept.token, cookie)
    return setResponseCookie(withToken, CLICK_KEPT_COOKIE, "1", markerOptions(cookie))
  } catch {
    return response
  }
}

/**
 * For route handlers, server actions and browsers: keeps the URL's `click_token` through a cookie
 * store (`cookies()` from `next/headers`, or `documentCookies()`). True when a token was kept.
 */
export function rememberClickToken(url: string | URL | null | undefined, cookies: CookieStore, options: ClickTokenOptions = {}): boolean {
  const kept = tokenToKeep(url, options)
  if (!kept) return false
  const cookie = cookieOptions(parsedUrl(url), kept.maxAge, options)
  return writeCookie(cookies, CLICK_TOKEN_COOKIE, kept.token, cookie) && writeCookie(cookies, CLICK_KEPT_COOKIE, "1", markerOptions(cookie))
}

/** The kept click token, or null. Only the server sees it: the cookie is HttpOnly. */
export function readClickToken(cookies: CookieSource): string | null {
  return readCookie(cookies, CLICK_TOKEN_COOKIE) || null
}

/** Whether a click token is kept; readable in the browser too (`hasClickToken(document.cookie)`), through its marker. */
export function hasClickToken(cookies: CookieSource): boolean {
  return readCookie(cookies, CLICK_KEPT_COOKIE) === "1" || readClickToken(cookies) !== null
}

/** Forgets the kept click token and its marker (the backend refused the token, or the shopper asked). */
export function forgetClickToken(cookies: CookieStore): boolean {
  const token = deleteCookie(cookies, CLICK_TOKEN_COOKIE)
  return deleteCookie(cookies, CLICK_KEPT_COOKIE) && token
}
