import { parseSetCookie } from "next/dist/compiled/@edge-runtime/cookies"
import { NextRequest } from "next/server"
import { awaitsConsent, CLICK_KEPT_COOKIE, CLICK_TOKEN_COOKIE, CONSENT_COOKIE, documentCookies, readConsent, writeConsent } from "../index"
import { BrowserDocument, serverActionCookies, serverComponentCookies } from "./cookie-jar"

describe("the consent state", () => {
  it("is null until the shopper answers", () => {
    expect(readConsent(serverActionCookies().store)).toBeNull()
    expect(readConsent("")).toBeNull()
    expect(readConsent(undefined)).toBeNull()
  })

  it.each(["granted", "denied"] as const)("records %s through cookies() in a server action and reads it back", (consent) => {
    const { store, setCookies } = serverActionCookies()
    expect(writeConsent(store, consent)).toBe(true)
    expect(readConsent(store)).toBe(consent)
    const line = setCookies.find((l) => l.startsWith(`${CONSENT_COOKIE}=`))!
    expect(parseSetCookie(line)!.value).toBe(consent)
    // A banner in the browser reads it to know whether to show itself.
    expect(line).not.toMatch(/HttpOnly/)
    expect(line).toMatch(/Max-Age=15552000/)
    const next = new NextRequest("https://shop.example.com/us", { headers: { cookie: line.split(";")[0] } })
    expect(readConsent(next.cookies)).toBe(consent)
    expect(readConsent(next)).toBe(consent)
  })

  it("changes when the shopper changes their mind", () => {
    const { store } = serverActionCookies(`${CONSENT_COOKIE}=granted`)
    writeConsent(store, "denied")
    expect(readConsent(store)).toBe("denied")
  })

  it("takes only the two answers, in either direction", () => {
    const { store, setCookies } = serverActionCookies()
    expect(writeConsent(store, "yes" as never)).toBe(false)
    expect(setCookies).toEqual([])
    expect(readConsent(`${CONSENT_COOKIE}=GRANTED`)).toBeNull()
    expect(readConsent(`${CONSENT_COOKIE}=yes`)).toBeNull()
  })

  it("reports a refused write (a server component) instead of throwing", () => {
    const readOnly = serverComponentCookies(`${CONSENT_COOKIE}=denied`)
    expect(writeConsent(readOnly, "granted")).toBe(false)
    expect(readConsent(readOnly)).toBe("denied")
  })
})

describe("awaitsConsent: whether a banner has something to ask", () => {
  it("asks only when a click token is kept and the shopper has not answered", () => {
    // In the browser: the token is HttpOnly, its marker is what document.cookie shows.
    expect(awaitsConsent(`${CLICK_KEPT_COOKIE}=1`)).toBe(true)
    expect(awaitsConsent("_medusa_cache_id=abc")).toBe(false)
    expect(awaitsConsent(`${CLICK_KEPT_COOKIE}=1; ${CONSENT_COOKIE}=granted`)).toBe(false)
    expect(awaitsConsent(`${CLICK_KEPT_COOKIE}=1; ${CONSENT_COOKIE}=denied`)).toBe(false)
    // On the server, the token itself is enough.
    expect(awaitsConsent(serverActionCookies(`${CLICK_TOKEN_COOKIE}=aB3xYz09QwErTyUiOpAsDf`).store)).toBe(true)
    expect(awaitsConsent(undefined)).toBe(false)
  })
})

describe("documentCookies: the same state in a browser-only storefront", () => {
  it("writes and reads document.cookie, leaving out HttpOnly that browsers refuse from scripts", () => {
    const doc = new BrowserDocument()
    const cookies = documentCookies(doc)
    expect(writeConsent(cookies, "granted")).toBe(true)
    expect(readConsent(doc.cookie)).toBe("granted")
    expect(readConsent(cookies)).toBe("granted")
    cookies.set("_affiliate_click_token", "Ab+c/d==", { httpOnly: true, path: "/" })
    expect(doc.written.at(-1)).not.toMatch(/HttpOnly/)
    expect(cookies.get("_affiliate_click_token")?.value).toBe("Ab+c/d==")
    cookies.delete("_affiliate_click_token")
    expect(cookies.get("_affiliate_click_token")).toBeUndefined()
  })

  it("does nothing, and throws nothing, where there is no document (server rendering)", () => {
    const cookies = documentCookies(undefined)
    expect(writeConsent(cookies, "granted")).toBe(true)
    expect(readConsent(cookies)).toBeNull()
  })
})
