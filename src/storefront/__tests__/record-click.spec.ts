import { NextRequest, NextResponse } from "next/server"
import { affiliateClickFromUrl, CLICK_TOKEN_COOKIE, recordAffiliateClick, withAffiliateClick } from "../index"
import { startScriptedBackend, unreachableUrl } from "./scripted-backend"

const KEY = "pk_01TESTPUBLISHABLEKEY"
const TOKEN = "Zz9yXw8vUt7sRq6pOn5mLk"
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

let backend: Awaited<ReturnType<typeof startScriptedBackend>>
beforeAll(async () => {
  backend = await startScriptedBackend()
})
afterAll(() => backend.close())
beforeEach(() => backend.reset())

const tokenCookie = (response: Response) =>
  response.headers.getSetCookie().find((l) => l.startsWith(`${CLICK_TOKEN_COOKIE}=`))

describe("affiliateClickFromUrl", () => {
  it("reads the affiliate, campaign and sub ids of a landing URL", () => {
    expect(affiliateClickFromUrl("https://shop.example.com/us/store?aff=partner-1&campaign=summer&sub1=a&sub3=c")).toEqual({
      campaign: "summer", aff: "partner-1", sub1: "a", sub2: undefined, sub3: "c", sub4: undefined, sub5: undefined,
      url: "https://shop.example.com/us/store?aff=partner-1&campaign=summer&sub1=a&sub3=c",
    })
  })

  it("uses the storefront's default campaign, and needs an affiliate", () => {
    expect(affiliateClickFromUrl("https://shop.example.com/?aff=p", { campaign: "default" })?.campaign).toBe("default")
    expect(affiliateClickFromUrl("https://shop.example.com/?aff=p")).toBeNull()
    expect(affiliateClickFromUrl("https://shop.example.com/?campaign=c")).toBeNull()
    expect(affiliateClickFromUrl("not a url")).toBeNull()
  })
})

describe("recordAffiliateClick", () => {
  it("posts the click to /store/affiliate/clicks and answers its token", async () => {
    backend.answer({ status: 201, body: { click_token: TOKEN, expires_at: "2030-01-01T00:00:00.000Z" } })
    const result = await recordAffiliateClick(
      { backendUrl: backend.url, publishableKey: KEY },
      { campaign: "summer", aff: "partner-1", sub2: "x".repeat(300), url: "https://shop.example.com/?aff=partner-1", userAgent: BROWSER, referrer: "https://blog.example/" }
    )
    expect(result).toEqual({ ok: true, clickToken: TOKEN, expiresAt: "2030-01-01T00:00:00.000Z" })
    const [call] = backend.received
    expect(call.path).toBe("/store/affiliate/clicks")
    expect(call.headers["x-publishable-api-key"]).toBe(KEY)
    expect(call.body).toEqual({
      campaign: "summer", aff: "partner-1", sub2: "x".repeat(255), url: "https://shop.example.com/?aff=partner-1",
      user_agent: BROWSER, referrer: "https://blog.example/",
    })
  })

  it("answers a null token for a paused partner or a crawler", async () => {
    backend.answer({ status: 200, body: { click_token: null, expires_at: null, redirect_url: "https://shop.example.com/" } })
    expect(await recordAffiliateClick({ backendUrl: backend.url, publishableKey: KEY }, { campaign: "c", aff: "a" }))
      .toEqual({ ok: true, clickToken: null, expiresAt: null })
  })

  it("answers an unknown campaign as a typed failure", async () => {
    backend.answer({ status: 404, body: { message: "Unknown campaign" } })
    expect(await recordAffiliateClick({ backendUrl: backend.url, publishableKey: KEY }, { campaign: "c", aff: "a" }))
      .toEqual({ ok: false, reason: "http_error", status: 404, message: "Unknown campaign" })
  })
})

describe("withAffiliateClick in middleware", () => {
  const config = () => ({ backendUrl: backend.url, publishableKey: KEY, campaign: "summer" })
  const request = (url: string) => new NextRequest(url, { headers: { "user-agent": BROWSER, referer: "https://blog.example/" } })

  it("records the landing's click and keeps its token for as long as the click lasts", async () => {
    const expires = new Date(Date.now() + 7 * 86400_000).toISOString()
    backend.answer({ status: 201, body: { click_token: TOKEN, expires_at: expires } })
    const response = await withAffiliateClick(request("https://shop.example.com/us/store?aff=partner-1&sub1=s"), NextResponse.next(), config())
    expect(response.cookies.get(CLICK_TOKEN_COOKIE)?.value).toBe(TOKEN)
    const maxAge = Number(/Max-Age=(\d+)/.exec(tokenCookie(response)!)![1])
    expect(maxAge).toBeGreaterThan(7 * 86400 - 60)
    expect(maxAge).toBeLessThanOrEqual(7 * 86400)
    expect(backend.received[0].body).toMatchObject({
      campaign: "summer", aff: "partner-1", sub1: "s", user_agent: BROWSER, referrer: "https://blog.example/",
      url: "https://shop.example.com/us/store?aff=partner-1&sub1=s",
    })
  })

  it("sends the URL the browser asked for, not the one Next.js rewrote for its middleware", async () => {
    backend.answer({ status: 201, body: { click_token: TOKEN, expires_at: null } }, { status: 201, body: { click_token: TOKEN, expires_at: null } })
    // Next.js turns a loopback host into localhost in `request.url`; the Host header keeps it.
    const loopback = new NextRequest("http://127.0.0.1:8000/us/store?aff=p", { headers: { host: "127.0.0.1:8000" } })
    expect(loopback.url).toBe("http://localhost:8000/us/store?aff=p")
    await withAffiliateClick(loopback, NextResponse.next(), config())
    // Behind a proxy that ends TLS, the X-Forwarded-* headers name the public host and scheme.
    const proxied = new NextRequest("http://localhost:3000/us?aff=p", {
      headers: { host: "localhost:3000", "x-forwarded-host": "shop.example.com", "x-forwarded-proto": "https" },
    })
    const response = await withAffiliateClick(proxied, NextResponse.next(), config())
    expect(backend.received.map((r) => r.body.url)).toEqual(["http://127.0.0.1:8000/us/store?aff=p", "https://shop.example.com/us?aff=p"])
    expect(tokenCookie(response)).toMatch(/Secure/)
  })

  it("leaves a redirect to the page it leads to, so one landing records one click", async () => {
    const redirect = NextResponse.redirect("https://shop.example.com/us?aff=partner-1", 307)
    const response = await withAffiliateClick(request("https://shop.example.com/?aff=partner-1"), redirect, config())
    expect(response).toBe(redirect)
    expect(backend.received).toHaveLength(0)
    expect(tokenCookie(response)).toBeUndefined()
  })

  it("records nothing for the page's own requests to the landing URL: server actions, refreshes, prefetches", async () => {
    const landing = "https://shop.example.com/us/store?aff=partner-1"
    const pageOwn = [
      new NextRequest(landing, { method: "POST", headers: { "next-action": "abc", "sec-fetch-dest": "empty" } }),
      new NextRequest(landing, { headers: { rsc: "1", "sec-fetch-dest": "empty" } }),
      new NextRequest(landing, { headers: { rsc: "1", "next-router-prefetch": "1" } }),
      new NextRequest(landing, { headers: { purpose: "prefetch" } }),
    ]
    for (const req of pageOwn) await withAffiliateClick(req, NextResponse.next(), config())
    expect(backend.received).toHaveLength(0)
    backend.answer({ status: 201, body: { click_token: TOKEN, expires_at: null } })
    const load = new NextRequest(landing, { headers: { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" } })
    expect((await withAffiliateClick(load, NextResponse.next(), config())).cookies.get(CLICK_TOKEN_COOKIE)?.value).toBe(TOKEN)
    expect(backend.received).toHaveLength(1)
  })

  it("keeps a click_token the URL already has without recording another click", async () => {
    const response = await withAffiliateClick(request(`https://shop.example.com/us?aff=partner-1&click_token=${TOKEN}`), NextResponse.next(), config())
    expect(backend.received).toHaveLength(0)
    expect(response.cookies.get(CLICK_TOKEN_COOKIE)?.value).toBe(TOKEN)
  })

  it("does nothing on pages without an affiliate", async () => {
    const next = NextResponse.next()
    expect(await withAffiliateClick(request("https://shop.example.com/us/store"), next, config())).toBe(next)
    expect(backend.received).toHaveLength(0)
  })

  it("serves the page without a cookie when the backend records no click", async () => {
    backend.answer({ status: 200, body: { click_token: null, expires_at: null } })
    const response = await withAffiliateClick(request("https://shop.example.com/us?aff=paused"), NextResponse.next(), config())
    expect(tokenCookie(response)).toBeUndefined()
  })

  it("serves the page after at most the timeout when the backend hangs, or at once when it is down", async () => {
    backend.answer("hang")
    const next = NextResponse.next()
    const started = Date.now()
    expect(await withAffiliateClick(request("https://shop.example.com/us?aff=p"), next, { ...config(), timeoutMs: 200 })).toBe(next)
    expect(Date.now() - started).toBeLessThan(5000)
    const down = NextResponse.next()
    expect(await withAffiliateClick(request("https://shop.example.com/us?aff=p"), down, { ...config(), backendUrl: await unreachableUrl() })).toBe(down)
    expect(tokenCookie(down)).toBeUndefined()
  })
})
