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
/** The storefront's own first-party cookie holding the most recent click token. */
export const CLICK_TOKEN_COOKIE = "_affiliate_click_token"

// The backend refuses longer tokens; anything longer is not one of its tokens.
const MAX_CLICK_TOKEN_LENGTH = 128
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60 // the campaigns' default attribution window

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

function cookieOptions(url: URL | null, options: ClickTokenOptions): CookieOptions {
  const { clickToken: _ignored, ...cookie } = options
  const secure = url?.protocol === "https:"
  return { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: DEFAULT_MAX_AGE, ...cookie }
}

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
    const token = options.clickToken ?? clickTokenFromUrl(request.url)
    if (!token) return response
    return setResponseCookie(response, CLICK_TOKEN_COOKIE, token, cookieOptions(publicUrl(request), options))
  } catch {
    return response
  }
}

/**
 * For route handlers, server actions and browsers: keeps the URL's `click_token` through a cookie
 * store (`cookies()` from `next/headers`, or `documentCookies()`). True when a token was kept.
 */
export function rememberClickToken(url: string | URL | null | undefined, cookies: CookieStore, options: ClickTokenOptions = {}): boolean {
  const token = options.clickToken ?? clickTokenFromUrl(url)
  if (!token) return false
  return writeCookie(cookies, CLICK_TOKEN_COOKIE, token, cookieOptions(parsedUrl(url), options))
}

/** The kept click token, or null. */
export function readClickToken(cookies: CookieSource): string | null {
  return readCookie(cookies, CLICK_TOKEN_COOKIE) || null
}

/** Forgets the kept click token (the backend said it is unknown or expired). */
export function forgetClickToken(cookies: CookieStore): boolean {
  return deleteCookie(cookies, CLICK_TOKEN_COOKIE)
}
