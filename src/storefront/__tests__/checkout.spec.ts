import { CLICK_KEPT_COOKIE, CLICK_TOKEN_COOKIE, CONSENT_COOKIE, hasClickToken, shareAffiliateAtCheckout } from "../index"
import { serverActionCookies } from "./cookie-jar"
import { startScriptedBackend } from "./scripted-backend"

const NEWER = "nEwEr09QwErTyUiOpAsDf1"
const KEY = "pk_01TESTPUBLISHABLEKEY"

let backend: Awaited<ReturnType<typeof startScriptedBackend>>
beforeAll(async () => {
  backend = await startScriptedBackend()
})
afterAll(() => backend.close())
beforeEach(() => backend.reset())

const at = (cookieHeader: string) => serverActionCookies(cookieHeader)
const input = (cookies: ReturnType<typeof at>["store"], cartId: string | null = "cart_1") => ({
  backendUrl: backend.url,
  publishableKey: KEY,
  cartId,
  cookies,
})

describe("shareAffiliateAtCheckout", () => {
  it("sends the newest kept token with the shopper's answer to the cart, before the order is placed", async () => {
    backend.answer({ status: 200, body: { attribution: { cart_id: "cart_1", click_token: NEWER, consent: "granted" } } })
    const { store } = at(`${CLICK_TOKEN_COOKIE}=${NEWER}; ${CLICK_KEPT_COOKIE}=1; ${CONSENT_COOKIE}=granted`)
    const result = await shareAffiliateAtCheckout(input(store))
    expect(result).toMatchObject({ ok: true, attribution: { click_token: NEWER } })
    expect(backend.received).toHaveLength(1)
    expect(backend.received[0]).toMatchObject({
      method: "POST",
      path: "/store/carts/cart_1/affiliate",
      body: { click_token: NEWER, consent: "granted", consent_source: "consent-cookie" },
    })
  })

  it("makes no call without a kept token, even with an answer, nor without a cart", async () => {
    expect(await shareAffiliateAtCheckout(input(at(`${CONSENT_COOKIE}=granted`).store))).toMatchObject({ ok: false, reason: "nothing_to_share" })
    expect(await shareAffiliateAtCheckout(input(at(`${CLICK_TOKEN_COOKIE}=${NEWER}`).store, null))).toMatchObject({ ok: false, reason: "no_cart" })
    expect(backend.received).toHaveLength(0)
  })

  it("forgets a token the backend refuses (expired) and still sends the answer, without throwing", async () => {
    backend.answer({ status: 422, body: { message: "click_token expired" } }, { status: 200, body: { attribution: { cart_id: "cart_1", click_token: null } } })
    const { store } = at(`${CLICK_TOKEN_COOKIE}=${NEWER}; ${CLICK_KEPT_COOKIE}=1; ${CONSENT_COOKIE}=denied`)
    const result = await shareAffiliateAtCheckout(input(store))
    expect(result).toMatchObject({ ok: true, clickTokenForgotten: true })
    expect(backend.received.map((r) => r.body)).toEqual([
      { click_token: NEWER, consent: "denied", consent_source: "consent-cookie" },
      { consent: "denied", consent_source: "consent-cookie" },
    ])
    expect(hasClickToken(store)).toBe(false)
  })

  it("gives up on a backend that does not answer and resolves, so the order can still be placed", async () => {
    backend.answer("hang")
    const result = await shareAffiliateAtCheckout(input(at(`${CLICK_TOKEN_COOKIE}=${NEWER}; ${CONSENT_COOKIE}=granted`).store))
    expect(result).toMatchObject({ ok: false, reason: "timeout", message: "The backend did not answer within 2000 ms" })
  })
})
