import { type AffiliateBackend, type BackendFailure, postToStore } from "./backend"
import { forgetClickToken, readClickToken } from "./click-token"
import { type Consent, readConsent } from "./consent"
import type { CookieStore } from "./cookies"

/** The cart's attribution as `POST /store/carts/:id/affiliate` answers it. */
export type CartAttribution = {
  cart_id: string
  click_token: string | null
  token_source: "body" | "cookie" | null
  token_captured_at: string | null
  consent: Consent | null
  consent_at: string | null
  consent_source: string | null
  [field: string]: unknown
}

export type CaptureInput = {
  cartId: string
  clickToken?: string | null
  consent: Consent
  consentSource?: string
}

export type CaptureResult =
  | { ok: true; attribution: CartAttribution }
  /** The backend does not know the token, or it expired (422): stop sending it. */
  | { ok: false; reason: "token_rejected"; status: 422; message: string }
  | BackendFailure

/** One `POST /store/carts/:id/affiliate`; never throws. */
export async function captureCartAttribution(backend: AffiliateBackend, input: CaptureInput): Promise<CaptureResult> {
  const answer = await postToStore(backend, `/store/carts/${encodeURIComponent(input.cartId)}/affiliate`, {
    ...(input.clickToken && { click_token: input.clickToken }),
    consent: input.consent,
    ...(input.consentSource && { consent_source: input.consentSource }),
  })
  if (answer.ok) return { ok: true, attribution: answer.body?.attribution }
  if (answer.status === 422 && input.clickToken) {
    return { ok: false, reason: "token_rejected", status: 422, message: answer.message }
  }
  return answer
}

export type ShareInput = AffiliateBackend & {
  cartId: string | null | undefined
  /** `await cookies()` in a server action or route handler, or `documentCookies()` in a browser. */
  cookies: CookieStore
  /** The answer to send; by default the one kept by `writeConsent`, and "denied" while there is none. */
  consent?: Consent
  /** Where the answer came from; by default "consent-cookie", or "not-answered". */
  consentSource?: string
}

export type ShareResult = (
  | CaptureResult
  /** `no_cart`: no cart yet; `nothing_to_share`: no token kept and no answer given yet. */
  | { ok: false; reason: "no_cart" | "nothing_to_share"; message: string }
) & {
  /** The kept token was rejected (422) and forgotten. */
  clickTokenForgotten: boolean
}

/**
 * Shares the kept click token and the shopper's answer with the cart. Call it once the cart
 * exists (after `addToCart` creates it) and whenever the shopper answers. Only a 422 (unknown or
 * expired token) forgets the token, and the answer is then sent again on its own so the cart still
 * records it; a network error, a timeout, a 404 or a 5xx keep everything for the next call. With
 * neither a token nor an answer there is nothing to tell the cart, and no call is made; an answer
 * is always sent, so a withdrawn consent reaches a cart that got its token earlier.
 */
export async function shareAffiliateConsent(input: ShareInput): Promise<ShareResult> {
  const { cartId, cookies, consent: given, consentSource, ...backend } = input
  if (!cartId) return { ok: false, reason: "no_cart", message: "There is no cart yet", clickTokenForgotten: false }
  const kept = readConsent(cookies)
  const consent = given ?? kept ?? "denied"
  const source = consentSource ?? (given || kept ? "consent-cookie" : "not-answered")
  const clickToken = readClickToken(cookies)
  if (!clickToken && !given && !kept) {
    return { ok: false, reason: "nothing_to_share", message: "No click token and no answer yet", clickTokenForgotten: false }
  }
  const first = await captureCartAttribution(backend, { cartId, clickToken, consent, consentSource: source })
  if (first.ok || first.reason !== "token_rejected") return { ...first, clickTokenForgotten: false }
  const forgotten = forgetClickToken(cookies)
  const again = await captureCartAttribution(backend, { cartId, consent, consentSource: source })
  return { ...again, clickTokenForgotten: forgotten }
}
