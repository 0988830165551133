import { parseSetCookie } from "next/dist/compiled/@edge-runtime/cookies"
import { NextRequest, NextResponse } from "next/server"
import {
  CLICK_KEPT_COOKIE,
  CLICK_TOKEN_COOKIE,
  clickTokenFromUrl,
  documentCookies,
  forgetClickToken,
  hasClickToken,
  readClickToken,
  rememberClickToken,
  secondsLeftFromUrl,
  withAffiliateToken,
} from "../index"
import { BrowserDocument, serverActionCookies, serverComponentCookies } from "./cookie-jar"

// A real token (22 base62 characters) and tokens only case or encoding tell apart.
const TOKEN = "aB3xYz09QwErTyUiOpAsDf"
const SAME_LETTERS_OTHER_CASE = "Ab3XyZ09qWeRtYuIoPaSdF"
const NEEDS_ENCODING = "Ab+c/d==-_~é"

const landing = (path: string, token = TOKEN) => `https://shop.example.com${path}${path.includes("?") ? "&" : "?"}click_token=${encodeURIComponent(token)}`

/** A cookie a response sets (the click token by default), decoded as the browser will send it back. */
function tokenCookieOf(response: Response, name = CLICK_TOKEN_COOKIE): { value: string; attributes: string } | null {
  const line = response.headers.getSetCookie().find((l) => l.startsWith(`${name}=`))
  if (!line) return null
  return { value: parseSetCookie(line)!.value, attributes: line.slice(line.indexOf(";")) }
}

const DAY = 86_400
/** A landing URL as the backend's link sends it: the token, then when its window ends. */
const landingExpiring = (path: string, secondsFromNow: number) =>
  `${landing(path)}&click_expires_at=${Math.floor(Date.now() / 1000) + secondsFromNow}`
const maxAgeOf = (attributes: string) => Number(/Max-Age=(-?\d+)/.exec(attributes)?.[1])

describe("clickTokenFromUrl", () => {
  it("reads the token exactly as sent: case, symbols and percent-encoding decoded once", () => {
    expect(clickTokenFromUrl(landing("/"))).toBe(TOKEN)
    expect(clickTokenFromUrl(landing("/", SAME_LETTERS_OTHER_CASE))).toBe(SAME_LETTERS_OTHER_CASE)
    expect(clickTokenFromUrl(landing("/", NEEDS_ENCODING))).toBe(NEEDS_ENCODING)
    expect(clickTokenFromUrl(`https://shop.example.com/?click_token=%2541`)).toBe("%41")
    expect(clickTokenFromUrl(new URL(landing("/us/store?page=2")))).toBe(TOKEN)
    expect(clickTokenFromUrl(`/us?click_token=${TOKEN}`)).toBe(TOKEN)
  })

  it("finds no token when there is none, or nothing the backend could know", () => {
    expect(clickTokenFromUrl("https://shop.example.com/us")).toBeNull()
    expect(clickTokenFromUrl("https://shop.example.com/?click_token=")).toBeNull()
    expect(clickTokenFromUrl(`https://shop.example.com/?click_token=${"a".repeat(129)}`)).toBeNull()
    expect(clickTokenFromUrl("http://[::1")).toBeNull()
    expect(clickTokenFromUrl(null)).toBeNull()
  })
})

describe("withAffiliateToken on every response a middleware returns", () => {
  it.each([
    ["NextResponse.next()", () => NextResponse.next()],
    ["a redirect (NextResponse.redirect)", () => NextResponse.redirect("https://shop.example.com/us?click_token=x", 307)],
    ["a rewrite (NextResponse.rewrite)", () => NextResponse.rewrite(new URL("https://shop.example.com/us/store"))],
    ["a plain Response", () => new Response("<html></html>", { status: 200 })],
    ["an error page", () => new NextResponse("No valid regions configured", { status: 500 })],
  ])("sets the cookie on %s and keeps the response", (_kind, make) => {
    const response = make()
    const status = response.status
    const location = response.headers.get("location")
    const out = withAffiliateToken(new NextRequest(landing("/us")), response)
    expect(out).toBe(response)
    expect(out.status).toBe(status)
    expect(out.headers.get("location")).toBe(location)
    expect(tokenCookieOf(out)?.value).toBe(TOKEN)
  })

  it("copies a Response.redirect(), whose headers cannot change, and sets the cookie on the copy", () => {
    const response = Response.redirect("https://shop.example.com/us?click_token=x", 302)
    const out = withAffiliateToken(new Request(landing("/")), response)
    expect(out.status).toBe(302)
    expect(out.headers.get("location")).toBe("https://shop.example.com/us?click_token=x")
    expect(tokenCookieOf(out)?.value).toBe(TOKEN)
  })

  it("keeps the cookies the storefront set, and tells this request's server components through Next.js", () => {
    const response = NextResponse.next()
    response.cookies.set("_medusa_cache_id", "cache-1", { maxAge: 86400 })
    const out = withAffiliateToken(new NextRequest(landing("/us")), response)
    expect(out.cookies.get("_medusa_cache_id")?.value).toBe("cache-1")
    expect(out.cookies.get(CLICK_TOKEN_COOKIE)?.value).toBe(TOKEN)
    // Next.js passes cookies set in middleware to the page rendered for the same request this way.
    expect(out.headers.get("x-middleware-set-cookie")).toContain(`${CLICK_TOKEN_COOKIE}=${TOKEN}`)
    // A later write through the response's own cookie API keeps ours.
    out.cookies.set("later", "1")
    expect(tokenCookieOf(out)?.value).toBe(TOKEN)
  })

  it("comes back byte for byte on the next request, whatever the characters", () => {
    for (const token of [TOKEN, SAME_LETTERS_OTHER_CASE, NEEDS_ENCODING]) {
      const out = withAffiliateToken(new NextRequest(landing("/us", token)), NextResponse.next())
      const line = out.headers.getSetCookie().find((l) => l.startsWith(`${CLICK_TOKEN_COOKIE}=`))!
      const cookieHeader = line.split(";")[0]
      const next = new NextRequest("https://shop.example.com/us/cart", { headers: { cookie: `other=1; ${cookieHeader}` } })
      expect(readClickToken(next.cookies)).toBe(token)
      expect(readClickToken(next)).toBe(token)
      expect(readClickToken(`other=1; ${cookieHeader}`)).toBe(token)
    }
  })

  it("replaces an older token: the most recent click wins", () => {
    const request = new NextRequest(landing("/us/store", SAME_LETTERS_OTHER_CASE), {
      headers: { cookie: `${CLICK_TOKEN_COOKIE}=${TOKEN}` },
    })
    expect(tokenCookieOf(withAffiliateToken(request, NextResponse.next()))?.value).toBe(SAME_LETTERS_OTHER_CASE)
  })

  it("keeps the token exactly as long as the click's attribution window, from the link's click_expires_at", () => {
    const cookie = tokenCookieOf(withAffiliateToken(new NextRequest(landingExpiring("/us", 7 * DAY)), NextResponse.next()))!
    expect(cookie.value).toBe(TOKEN)
    // The seconds left when the cookie was written: at most a second has passed since the URL was made.
    expect(maxAgeOf(cookie.attributes)).toBeGreaterThanOrEqual(7 * DAY - 1)
    expect(maxAgeOf(cookie.attributes)).toBeLessThanOrEqual(7 * DAY)
    // An explicit maxAge still wins.
    const custom = tokenCookieOf(withAffiliateToken(new Request(landingExpiring("/", 7 * DAY)), new Response(null), { maxAge: 60 }))!
    expect(maxAgeOf(custom.attributes)).toBe(60)
  })

  it("does not keep a token whose window has ended (an old landing URL), and keeps the kept one", () => {
    const request = new NextRequest(landingExpiring("/us", -5), { headers: { cookie: `${CLICK_TOKEN_COOKIE}=older` } })
    const response = NextResponse.next()
    expect(withAffiliateToken(request, response).headers.getSetCookie()).toEqual([])
  })

  it("reads click_expires_at as whole Unix seconds only, and keeps no cookie longer than browsers do", () => {
    const now = Date.UTC(2026, 0, 1) // 1767225600
    expect(secondsLeftFromUrl("https://s.example/?click_expires_at=1767225660", now)).toBe(60)
    expect(secondsLeftFromUrl("https://s.example/?click_expires_at=1767225600", now)).toBe(0)
    expect(secondsLeftFromUrl("https://s.example/?click_expires_at=99999999999", now)).toBe(400 * DAY)
    for (const unreadable of ["", "soon", "1.5", "-1", "1e9"]) {
      expect(secondsLeftFromUrl(`https://s.example/?click_expires_at=${unreadable}`, now)).toBeNull()
    }
    expect(secondsLeftFromUrl("https://s.example/", now)).toBeNull()
    // A landing URL that does not say keeps the campaigns' default window, 30 days.
    const fallback = tokenCookieOf(withAffiliateToken(new Request(`${landing("/")}&click_expires_at=soon`), new Response(null)))!
    expect(maxAgeOf(fallback.attributes)).toBe(30 * DAY)
  })

  it("sets a readable marker beside the token: same lifetime, no token in it, for a banner in the browser", () => {
    const out = withAffiliateToken(new NextRequest(landingExpiring("/us", 3 * DAY)), NextResponse.next())
    const token = tokenCookieOf(out)!
    const marker = tokenCookieOf(out, CLICK_KEPT_COOKIE)!
    expect(marker.value).toBe("1")
    expect(marker.attributes).not.toMatch(/HttpOnly/)
    expect(marker.attributes).toMatch(/SameSite=Lax/i)
    expect(maxAgeOf(marker.attributes)).toBe(maxAgeOf(token.attributes))
    // What a script sees in document.cookie: the marker, never the HttpOnly token.
    const scriptVisible = `${CLICK_KEPT_COOKIE}=1; _medusa_cache_id=abc`
    expect(scriptVisible).not.toContain(TOKEN)
    expect(hasClickToken(scriptVisible)).toBe(true)
    expect(hasClickToken("_medusa_cache_id=abc")).toBe(false)
    expect(hasClickToken(`${CLICK_TOKEN_COOKIE}=${TOKEN}`)).toBe(true)
  })

  it("writes a first-party, HttpOnly, SameSite=Lax cookie for 30 days when the URL does not say, Secure only under https", () => {
    const https = tokenCookieOf(withAffiliateToken(new Request(landing("/")), new Response(null)))!
    expect(https.attributes).toMatch(/Path=\//)
    expect(https.attributes).toMatch(/Max-Age=2592000/)
    expect(https.attributes).toMatch(/HttpOnly/)
    expect(https.attributes).toMatch(/SameSite=Lax/i)
    expect(https.attributes).toMatch(/Secure/)
    const http = tokenCookieOf(withAffiliateToken(new Request(`http://localhost:8000/?click_token=${TOKEN}`), new Response(null)))!
    expect(http.attributes).not.toMatch(/Secure/)
    const behindTlsProxy = new Request(`http://localhost:3000/?click_token=${TOKEN}`, { headers: { "x-forwarded-proto": "https" } })
    expect(tokenCookieOf(withAffiliateToken(behindTlsProxy, new Response(null)))!.attributes).toMatch(/Secure/)
    const custom = tokenCookieOf(withAffiliateToken(new Request(landing("/")), new Response(null), { maxAge: 60, domain: "example.com" }))!
    expect(custom.attributes).toMatch(/Max-Age=60/)
    expect(custom.attributes).toMatch(/Domain=example.com/)
  })

  it("keeps a token given in the options instead of the URL's", () => {
    const out = withAffiliateToken(new Request("https://shop.example.com/us"), new Response(null), { clickToken: TOKEN })
    expect(tokenCookieOf(out)?.value).toBe(TOKEN)
  })

  it("leaves a response without a token in the URL untouched", () => {
    const response = NextResponse.next()
    const out = withAffiliateToken(new NextRequest("https://shop.example.com/us/store?q=shirt"), response)
    expect(out).toBe(response)
    expect(out.headers.getSetCookie()).toEqual([])
  })

  it("never throws into the middleware: a failing cookie API gives the response back as it was", () => {
    const response = NextResponse.next()
    Object.defineProperty(response, "cookies", { value: { set: () => { throw new Error("boom") } } })
    expect(withAffiliateToken(new NextRequest(landing("/us")), response)).toBe(response)
    const plain = new Response(null)
    expect(withAffiliateToken({ url: "::not a url::" }, plain)).toBe(plain)
  })
})

describe("the starters' middleware branches, wrapped as the README says", () => {
  const REGIONS = new Set(["us", "dk"])

  // The shape of medusajs/dtc-starter's middleware: country redirect, cache-id branch, next().
  async function dtcStarterRouting(request: NextRequest): Promise<NextResponse> {
    const cacheIdCookie = request.cookies.get("_medusa_cache_id")
    const first = request.nextUrl.pathname.split("/")[1]?.toLowerCase()
    if (REGIONS.has(first)) {
      if (!cacheIdCookie) {
        const response = NextResponse.next()
        response.cookies.set("_medusa_cache_id", "new-cache-id", { maxAge: 86400 })
        return response
      }
      return NextResponse.next()
    }
    const path = request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname
    return NextResponse.redirect(`${request.nextUrl.origin}/us${path}${request.nextUrl.search}`, 307)
  }

  // medusajs/nextjs-starter-medusa's cache-id branch answers a redirect to the same URL instead.
  async function deprecatedStarterRouting(request: NextRequest): Promise<NextResponse> {
    const first = request.nextUrl.pathname.split("/")[1]?.toLowerCase()
    if (REGIONS.has(first) && !request.cookies.get("_medusa_cache_id")) {
      const response = NextResponse.redirect(request.nextUrl.href, 307)
      response.cookies.set("_medusa_cache_id", "new-cache-id", { maxAge: 86400 })
      return response
    }
    return dtcStarterRouting(request)
  }

  const cases: [string, string, string | undefined, number][] = [
    ["first visit on / (country redirect)", "/", undefined, 307],
    ["first visit on a country URL (cache-id branch)", "/us", undefined, 200],
    ["returning visitor on a country URL (next())", "/us/store", "_medusa_cache_id=abc; _affiliate_click_token=older", 200],
  ]

  for (const [starter, routing] of [
    ["dtc-starter", dtcStarterRouting],
    ["nextjs-starter-medusa", deprecatedStarterRouting],
  ] as const) {
    it.each(cases)(`${starter}: %s keeps the token`, async (_name, path, cookie, dtcStatus) => {
      const request = new NextRequest(landing(path), { headers: cookie ? { cookie } : {} })
      const middleware = async (req: NextRequest) => withAffiliateToken(req, await routing(req))
      const response = await middleware(request)
      if (starter === "dtc-starter") expect(response.status).toBe(dtcStatus)
      expect(tokenCookieOf(response)?.value).toBe(TOKEN)
    })
  }
})

describe("rememberClickToken, readClickToken and forgetClickToken through a cookie store", () => {
  it("keeps the URL's token through cookies() in a server action or route handler", () => {
    const { store, setCookies } = serverActionCookies()
    expect(rememberClickToken(landing("/us", NEEDS_ENCODING), store)).toBe(true)
    expect(readClickToken(store)).toBe(NEEDS_ENCODING)
    const line = setCookies.find((l) => l.startsWith(`${CLICK_TOKEN_COOKIE}=`))!
    expect(parseSetCookie(line)!.value).toBe(NEEDS_ENCODING)
    expect(line).toMatch(/HttpOnly/)
    expect(rememberClickToken("https://shop.example.com/us", store)).toBe(false)
  })

  it("keeps the window's lifetime and the marker through a cookie store, and nothing for an ended window", () => {
    const { store, setCookies } = serverActionCookies()
    expect(rememberClickToken(landingExpiring("/us", 2 * DAY), store)).toBe(true)
    const token = setCookies.find((l) => l.startsWith(`${CLICK_TOKEN_COOKIE}=`))!
    const marker = setCookies.find((l) => l.startsWith(`${CLICK_KEPT_COOKIE}=`))!
    expect(maxAgeOf(token)).toBeGreaterThanOrEqual(2 * DAY - 1)
    expect(maxAgeOf(marker)).toBe(maxAgeOf(token))
    expect(marker).not.toMatch(/HttpOnly/)
    expect(hasClickToken(store)).toBe(true)
    const other = serverActionCookies()
    expect(rememberClickToken(landingExpiring("/us", -1), other.store)).toBe(false)
    expect(other.setCookies).toEqual([])
  })

  it("keeps the marker readable in a browser-only storefront (documentCookies)", () => {
    const doc = new BrowserDocument()
    expect(rememberClickToken(landingExpiring("/plain", DAY), documentCookies(doc))).toBe(true)
    expect(hasClickToken(doc.cookie)).toBe(true)
    expect(readClickToken(doc.cookie)).toBe(TOKEN)
  })

  it("forgets the token and its marker", () => {
    const { store, setCookies } = serverActionCookies(`${CLICK_TOKEN_COOKIE}=${TOKEN}; ${CLICK_KEPT_COOKIE}=1`)
    expect(readClickToken(store)).toBe(TOKEN)
    expect(forgetClickToken(store)).toBe(true)
    expect(readClickToken(store)).toBeNull()
    expect(hasClickToken(store)).toBe(false)
    expect(setCookies.find((l) => l.startsWith(`${CLICK_TOKEN_COOKIE}=`))).toMatch(/Expires=Thu, 01 Jan 1970/)
    expect(setCookies.find((l) => l.startsWith(`${CLICK_KEPT_COOKIE}=`))).toMatch(/Expires=Thu, 01 Jan 1970/)
  })

  it("reports a refused write (cookies() in a server component) instead of throwing", () => {
    const readOnly = serverComponentCookies(`${CLICK_TOKEN_COOKIE}=${TOKEN}`)
    expect(readClickToken(readOnly)).toBe(TOKEN)
    expect(rememberClickToken(landing("/", SAME_LETTERS_OTHER_CASE), readOnly)).toBe(false)
    expect(forgetClickToken(readOnly)).toBe(false)
    expect(readClickToken(readOnly)).toBe(TOKEN)
  })

  it("reads nothing from nothing, and a malformed cookie as it is", () => {
    expect(readClickToken(undefined)).toBeNull()
    expect(readClickToken("")).toBeNull()
    expect(readClickToken(`${CLICK_TOKEN_COOKIE}=`)).toBeNull()
    expect(readClickToken(`${CLICK_TOKEN_COOKIE}=%E0%A4%A`)).toBe("%E0%A4%A")
  })
})
