import { CLICK_KEPT_COOKIE, CLICK_TOKEN_COOKIE, CONSENT_COOKIE, forgetAttribution, hasClickToken, readConsent } from "../index"
import { serverActionCookies } from "./cookie-jar"
import { startScriptedBackend, unreachableUrl } from "./scripted-backend"

const TOKEN = "aB3xYz09QwErTyUiOpAsDf"
const KEY = "pk_01TESTPUBLISHABLEKEY"
const kept = () => serverActionCookies(`${CLICK_TOKEN_COOKIE}=${TOKEN}; ${CLICK_KEPT_COOKIE}=1; ${CONSENT_COOKIE}=granted`)

let backend: Awaited<ReturnType<typeof startScriptedBackend>>
beforeAll(async () => {
  backend = await startScriptedBackend()
})
afterAll(() => backend.close())
beforeEach(() => backend.reset())

describe("forgetAttribution", () => {
  it("removes the cart's attribution with DELETE and forgets the kept token, keeping the shopper's answer", async () => {
    backend.answer({ status: 200, body: { cart_id: "cart_1", object: "affiliate_attribution", deleted: true } })
    const { store } = kept()
    const result = await forgetAttribution({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(result).toEqual({ ok: true, deleted: true, clickTokenForgotten: true })
    expect(backend.received).toHaveLength(1)
    expect(backend.received[0]).toMatchObject({ method: "DELETE", path: "/store/carts/cart_1/affiliate", body: "" })
    expect(backend.received[0].headers["x-publishable-api-key"]).toBe(KEY)
    expect(hasClickToken(store)).toBe(false)
    expect(readConsent(store)).toBe("granted")
  })

  it("says deleted: false for a cart without attribution, and forgets locally without a cart", async () => {
    backend.answer({ status: 200, body: { cart_id: "cart_2", object: "affiliate_attribution", deleted: false } })
    expect(await forgetAttribution({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_2", cookies: kept().store })).toMatchObject({
      ok: true,
      deleted: false,
    })
    const { store } = kept()
    expect(await forgetAttribution({ backendUrl: backend.url, publishableKey: KEY, cookies: store })).toEqual({
      ok: true,
      deleted: false,
      clickTokenForgotten: true,
    })
    expect(backend.received).toHaveLength(1)
    expect(hasClickToken(store)).toBe(false)
  })

  it("forgets the token even when the backend cannot be reached, and says why the cart kept its attribution", async () => {
    const { store } = kept()
    const result = await forgetAttribution({ backendUrl: await unreachableUrl(), publishableKey: KEY, cartId: "cart_1", cookies: store })
    expect(result).toMatchObject({ ok: false, reason: "unreachable", clickTokenForgotten: true })
    expect(hasClickToken(store)).toBe(false)
    backend.answer({ status: 404, body: { message: "Cart not found" } })
    const notFound = await forgetAttribution({ backendUrl: backend.url, publishableKey: KEY, cartId: "cart_x", cookies: kept().store })
    expect(notFound).toMatchObject({ ok: false, reason: "http_error", status: 404, message: "Cart not found" })
  })
})
