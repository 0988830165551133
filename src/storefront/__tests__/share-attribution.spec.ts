import { CLICK_TOKEN_COOKIE, CONSENT_COOKIE, captureCartAttribution, readClickToken, shareAffiliateConsent } from "../index"
import { serverActionCookies, serverComponentCookies } from "./cookie-jar"
import { startScriptedBackend, unreachableUrl } from "./scripted-backend"

const TOKEN = "aB3xYz09QwErTyUiOpAsDf"
const KEY = "pk_01TESTPUBLISHABLEKEY"
const ATTRIBUTION = { cart_id: "cart_1", click_token: TOKEN, consent: "granted" }

let backend: Awaited<ReturnType<typeof startScriptedBackend>>
beforeAll(async () => {
  backend = await startScriptedBackend()
})
afterAll(() => backend.close())
beforeEach(() => backend.reset())

const cookiesWith = (consent?: "granted" | "denied") =>
  serverActionCookies([`${CLICK_TOKEN_COOKIE}=${TOKEN}`, consent && `${CONSENT_COOKIE}=${consent}`].filter(Boolean).join("; "))

describe("shareAffiliateConsent", () => {
  it("sends the kept token and the shopper's answer to the cart, with the publishable key", async () => {
    backend.answer({ status: 200, body: { attribution: ATTRIBUTION } })
    const { store } = cookiesWith("granted")
    const result = await shareAffiliateConsent({ backendUrl: `${backend.url}/`, publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(result).toEqual({ ok: true, attribution: ATTRIBUTION, clickTokenForgotten: false })
    expect(backend.received).toHaveLength(1)
    const [call] = backend.received
    expect(call.method).toBe("POST")
    expect(call.path).toBe("/store/carts/cart_1/affiliate")
    expect(call.headers["x-publishable-api-key"]).toBe(KEY)
    expect(call.headers["content-type"]).toBe("application/json")
    expect(call.body).toEqual({ click_token: TOKEN, consent: "granted", consent_source: "consent-cookie" })
    expect(readClickToken(store)).toBe(TOKEN)
  })

  it("says denied while the shopper has not answered, and says so in the source", async () => {
    backend.answer({ status: 200, body: { attribution: ATTRIBUTION } })
    await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: cookiesWith().store })
    expect(backend.received[0].body).toEqual({ click_token: TOKEN, consent: "denied", consent_source: "not-answered" })
  })

  it("sends an answer given in the call over the kept one, with its source", async () => {
    backend.answer({ status: 200, body: { attribution: ATTRIBUTION } })
    await shareAffiliateConsent({
      backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: cookiesWith("granted").store,
      consent: "denied", consentSource: "checkout-checkbox",
    })
    expect(backend.received[0].body).toEqual({ click_token: TOKEN, consent: "denied", consent_source: "checkout-checkbox" })
  })

  it("sends only the answer when no token is kept", async () => {
    backend.answer({ status: 200, body: { attribution: { ...ATTRIBUTION, click_token: null } } })
    const { store } = serverActionCookies(`${CONSENT_COOKIE}=granted`)
    await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(backend.received[0].body).toEqual({ consent: "granted", consent_source: "consent-cookie" })
  })

  it("escapes the cart id in the path", async () => {
    backend.answer({ status: 404, body: { message: "not found" } })
    await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "../admin/x?y", cookies: cookiesWith().store })
    expect(backend.received[0].path).toBe("/store/carts/..%2Fadmin%2Fx%3Fy/affiliate")
  })

  it("on 422 (unknown or expired token) forgets the token and still records the answer", async () => {
    backend.answer(
      { status: 422, body: { type: "invalid_data", code: "click_expired", message: "click_token expired" } },
      { status: 200, body: { attribution: { ...ATTRIBUTION, click_token: null } } }
    )
    const { store, setCookies } = cookiesWith("granted")
    const result = await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(result).toMatchObject({ ok: true, clickTokenForgotten: true })
    expect(readClickToken(store)).toBeNull()
    expect(setCookies.some((l) => l.startsWith(`${CLICK_TOKEN_COOKIE}=;`))).toBe(true)
    expect(backend.received.map((r) => r.body)).toEqual([
      { click_token: TOKEN, consent: "granted", consent_source: "consent-cookie" },
      { consent: "granted", consent_source: "consent-cookie" },
    ])
  })

  it("on 422 reports the rejection when the retry fails too, with the token forgotten", async () => {
    backend.answer({ status: 422, body: { message: "Unknown click_token" } }, { status: 503, body: { message: "down" } })
    const { store } = cookiesWith("granted")
    const result = await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(result).toEqual({ ok: false, reason: "http_error", status: 503, message: "down", clickTokenForgotten: true })
    expect(readClickToken(store)).toBeNull()
  })

  it.each([
    [400, { message: "Invalid request" }],
    [401, { message: "A valid publishable key is required" }],
    [404, { message: "Cart cart_1 was not found" }],
    [500, { message: "An unknown error occurred." }],
    [503, { message: "Service unavailable" }],
  ])("keeps the token on %s and answers a typed failure", async (status, body) => {
    backend.answer({ status, body })
    const { store } = cookiesWith("granted")
    const result = await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(result).toEqual({ ok: false, reason: "http_error", status, message: body.message, clickTokenForgotten: false })
    expect(readClickToken(store)).toBe(TOKEN)
    expect(backend.received).toHaveLength(1)
  })

  it("keeps the token when a proxy answers with an HTML error page", async () => {
    backend.answer({ status: 502, raw: "<html>Bad gateway</html>" })
    const { store } = cookiesWith("granted")
    const result = await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(result).toEqual({ ok: false, reason: "http_error", status: 502, message: "The backend answered 502", clickTokenForgotten: false })
    expect(readClickToken(store)).toBe(TOKEN)
  })

  it("keeps the token and resolves when the backend is unreachable", async () => {
    const { store } = cookiesWith("granted")
    const result = await shareAffiliateConsent({ backendUrl: await unreachableUrl(), publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(result).toMatchObject({ ok: false, reason: "unreachable", clickTokenForgotten: false })
    expect(readClickToken(store)).toBe(TOKEN)
  })

  it("gives up after the timeout when the backend does not answer, keeping the token", async () => {
    backend.answer("hang")
    const { store } = cookiesWith("granted")
    const started = Date.now()
    const result = await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, timeoutMs: 200, cartId: "cart_1", cookies: store })
    expect(result).toMatchObject({ ok: false, reason: "timeout", clickTokenForgotten: false })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(readClickToken(store)).toBe(TOKEN)
  })

  it("calls nothing without a cart, a backend URL or a key, and says why", async () => {
    const { store } = cookiesWith("granted")
    expect(await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: undefined, cookies: store })).toMatchObject({ ok: false, reason: "no_cart" })
    expect(await shareAffiliateConsent({ backendUrl: undefined, publishableKey: KEY, cartId: "cart_1", cookies: store })).toMatchObject({ ok: false, reason: "not_configured" })
    expect(await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: "", cartId: "cart_1", cookies: store })).toMatchObject({ ok: false, reason: "not_configured" })
    expect(backend.received).toHaveLength(0)
  })

  it("never throws from a server component, where cookies cannot be deleted, and says the token stays", async () => {
    backend.answer({ status: 422, body: { message: "Unknown click_token" } }, { status: 200, body: { attribution: ATTRIBUTION } })
    const readOnly = serverComponentCookies(`${CLICK_TOKEN_COOKIE}=${TOKEN}; ${CONSENT_COOKIE}=granted`)
    const result = await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: readOnly })
    expect(result).toMatchObject({ ok: true, clickTokenForgotten: false })
    expect(readClickToken(readOnly)).toBe(TOKEN)
  })

  it("calls nothing with neither a token nor an answer: the cart of a shopper no affiliate sent", async () => {
    const result = await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: serverActionCookies().store })
    expect(result).toMatchObject({ ok: false, reason: "nothing_to_share", clickTokenForgotten: false })
    expect(backend.received).toHaveLength(0)
  })

  it("sends a withdrawn consent even when no token is kept any more", async () => {
    backend.answer({ status: 200, body: { attribution: { ...ATTRIBUTION, consent: "denied" } } })
    const { store } = serverActionCookies(`${CONSENT_COOKIE}=denied`)
    await shareAffiliateConsent({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(backend.received[0].body).toEqual({ consent: "denied", consent_source: "consent-cookie" })
  })

  it("never throws when fetch itself throws synchronously", async () => {
    const result = await shareAffiliateConsent({
      backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: cookiesWith().store,
      fetch: (() => { throw new TypeError("fetch failed") }) as typeof fetch,
    })
    expect(result).toMatchObject({ ok: false, reason: "unreachable", message: "fetch failed" })
  })
})

describe("captureCartAttribution", () => {
  it("treats a 422 as a rejected token only when a token was sent", async () => {
    backend.answer({ status: 422, body: { message: "Unknown click_token" } }, { status: 422, body: { message: "odd" } })
    expect(await captureCartAttribution({ backendUrl: backend.url, publishableKey: KEY }, { cartId: "c", clickToken: TOKEN, consent: "granted" }))
      .toEqual({ ok: false, reason: "token_rejected", status: 422, message: "Unknown click_token" })
    expect(await captureCartAttribution({ backendUrl: backend.url, publishableKey: KEY }, { cartId: "c", consent: "granted" }))
      .toEqual({ ok: false, reason: "http_error", status: 422, message: "odd" })
  })
})
