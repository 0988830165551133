// Cookie reading and writing for the storefront helper, over whatever cookie API the storefront
// has: Next.js's `cookies()` and `response.cookies`, a raw Cookie header, or `document.cookie`.
// Values are percent-encoded on write and decoded on read, as Next.js does, so a token comes
// back byte for byte.

export type CookieOptions = {
  /** Seconds. */
  maxAge?: number
  path?: string
  domain?: string
  httpOnly?: boolean
  secure?: boolean
  sameSite?: "lax" | "strict" | "none"
}

/** Anything that reads a cookie by name: Next.js's `cookies()`, `request.cookies`. */
export type CookieReader = { get(name: string): { value: string } | undefined }

/**
 * Anything that also writes: Next.js's `cookies()` in a server action or route handler,
 * `response.cookies`, or `documentCookies()` in a browser.
 */
export type CookieStore = CookieReader & {
  set(name: string, value: string, options?: CookieOptions): unknown
  delete(name: string): unknown
}

/**
 * Where cookies can be read from: a cookie store, a request (its Cookie header), or a Cookie
 * header string such as `document.cookie`.
 */
export type CookieSource = CookieReader | { headers: { get(name: string): string | null } } | string | null | undefined

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The value of one cookie in a Cookie header (`a=1; b=2`), decoded; the first one wins. */
export function cookieFromHeader(header: string | null | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(";")) {
    const eq = part.indexOf("=")
    if (eq === -1) continue
    if (part.slice(0, eq).trim() === name) return decode(part.slice(eq + 1).trim())
  }
  return null
}

/** Reads one cookie from any source; never throws (a cookie API that does counts as no cookie). */
export function readCookie(source: CookieSource, name: string): string | null {
  try {
    if (!source) return null
    if (typeof source === "string") return cookieFromHeader(source, name)
    if ("get" in source && typeof source.get === "function") return source.get(name)?.value ?? null
    if ("headers" in source) return cookieFromHeader(source.headers.get("cookie"), name)
  } catch {}
  return null
}

/** A `Set-Cookie` header value, encoded the way Next.js encodes `response.cookies.set`. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? "/"}`]
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`)
  if (options.domain) parts.push(`Domain=${options.domain}`)
  if (options.secure) parts.push("Secure")
  if (options.httpOnly) parts.push("HttpOnly")
  if (options.sameSite) parts.push(`SameSite=${options.sameSite[0].toUpperCase()}${options.sameSite.slice(1)}`)
  return parts.join("; ")
}

function isCookieStore(value: unknown): value is CookieStore {
  return typeof value === "object" && value !== null && typeof (value as CookieStore).set === "function"
}

/**
 * Sets a cookie on a response: through its own cookie API when it has one (a NextResponse keeps
 * its cookies in `response.cookies`, and writing beside it would be overwritten by its next
 * `set`), else as a `Set-Cookie` header. A response whose headers are immutable
 * (`Response.redirect()`) is copied first: the copy is returned.
 */
export function setResponseCookie<R extends Response>(response: R, name: string, value: string, options: CookieOptions): R {
  const own = (response as { cookies?: unknown }).cookies
  if (isCookieStore(own)) {
    own.set(name, value, options)
    return response
  }
  const header = serializeCookie(name, value, options)
  try {
    response.headers.append("Set-Cookie", header)
    return response
  } catch {
    // Only a plain Response has immutable headers, so the copy is of the caller's own type.
    const copy = new Response(response.body, response)
    copy.headers.append("Set-Cookie", header)
    return copy as R
  }
}

/** Writes through a cookie store; false when the store refuses (e.g. Next.js outside a server action). */
export function writeCookie(cookies: CookieStore, name: string, value: string, options: CookieOptions): boolean {
  try {
    cookies.set(name, value, options)
    return true
  } catch {
    return false
  }
}

/** Deletes through a cookie store; false when the store refuses. */
export function deleteCookie(cookies: CookieStore, name: string): boolean {
  try {
    cookies.delete(name)
    return true
  } catch {
    return false
  }
}

type CookieDocument = { cookie: string }

/**
 * A cookie store over `document.cookie`, for storefronts that run in the browser only. Browsers
 * refuse `HttpOnly` from scripts, so it is left out.
 */
export function documentCookies(doc: CookieDocument | undefined = (globalThis as { document?: CookieDocument }).document): CookieStore {
  return {
    get(name) {
      const value = doc ? cookieFromHeader(doc.cookie, name) : null
      return value === null ? undefined : { value }
    },
    set(name, value, options = {}) {
      if (doc) doc.cookie = serializeCookie(name, value, { ...options, httpOnly: false })
    },
    delete(name) {
      if (doc) doc.cookie = serializeCookie(name, "", { maxAge: 0 })
    },
  }
}
