import { readClickToken } from "./click-token"
import { type ShareInput, type ShareResult, shareAffiliateConsent } from "./share-attribution"

// A checkout waits for this call: less than the default, so a slow backend delays an order little.
const CHECKOUT_TIMEOUT_MS = 2000

/**
 * For the checkout (the starters' `placeOrder`, before the cart is completed; the payment step
 * too): shares the newest kept click token with the cart, with the shopper's answer. A shopper who
 * already has a cart and answered the banner, then comes back through a newer affiliate link and
 * goes straight to checkout, adds nothing to the cart and answers nothing: only this call tells
 * the cart about the newer click, so the order is credited to it (the most recent click wins).
 * With no token kept it makes no call (an answer alone reached the cart when it was given). Never
 * throws; the order should be placed whatever it answers.
 */
export async function shareAffiliateAtCheckout(input: ShareInput): Promise<ShareResult> {
  if (!input.cartId) return { ok: false, reason: "no_cart", message: "There is no cart yet", clickTokenForgotten: false }
  if (!readClickToken(input.cookies)) {
    return { ok: false, reason: "nothing_to_share", message: "No click token kept", clickTokenForgotten: false }
  }
  return shareAffiliateConsent({ ...input, timeoutMs: input.timeoutMs ?? CHECKOUT_TIMEOUT_MS })
}
