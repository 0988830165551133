import { parseSetCookie } from "next/dist/compiled/@edge-runtime/cookies"
import { NextRequest, NextResponse } from "next/server"
import {
  CLICK_TOKEN_COOKIE,
  clickTokenFromUrl,
  forgetClickToken,
  readClickToken,
  rememberClickToken,
  withAffiliateToken,
} from "../index"
import { serverActionCookies, serverComponentCookies } from "./cookie-jar"

// A real token (22 base62 characters) and tokens only case or encoding tell apart.
const TOKEN = "aB3xYz09QwErTyUiOpAsDf"
const SAME_LETTERS_OTHER_CASE = "Ab3XyZ09qWeRtYuIoPaSdF"
const NEEDS_ENCODING = "Ab+c/d==-_~é"

const landing = (path: string, token = TOKEN) => `https://shop.example.com${path}${path.includes("?") ? "&" : "?"}click_token=${encodeURIComponent(token)}`

/** The click-token cookie a response sets, decoded as the browser will send it back. */
function tokenCookieOf(response: Response): { value: string; attributes: string } | null {
  const line = response.headers.getSetCookie().find((l) => l.startsWith(`${CLICK_TOKEN_COOKIE}=`))
  if (!line) return null
  return { value: parseSetCookie(line)!.value, attributes: line.slice(line.indexOf(";")) }
}

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

  it("writes a first-party, HttpOnly, SameSite=Lax cookie for 30 days, Secure only under https", () => {
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

  it("forgets the token", () => {
    const { store, setCookies } = serverActionCookies(`${CLICK_TOKEN_COOKIE}=${TOKEN}`)
    expect(readClickToken(store)).toBe(TOKEN)
    expect(forgetClickToken(store)).toBe(true)
    expect(readClickToken(store)).toBeNull()
    expect(setCookies.at(-1)).toMatch(new RegExp(`^${CLICK_TOKEN_COOKIE}=;.*Expires=Thu, 01 Jan 1970`))
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
