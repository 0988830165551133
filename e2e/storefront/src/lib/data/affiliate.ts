"use server"

import { affiliateBackend } from "@lib/affiliate"
import { type Consent, shareAffiliateAtCheckout, shareAffiliateConsent, writeConsent } from "medusa-plugin-affiliate-s2s/storefront"
import { cookies } from "next/headers"
import { getCartId } from "./cookies"

/** Shares the kept click token and the shopper's answer with the cart; never throws. */
export async function syncAffiliateAttribution() {
  const cartId = await getCartId()
  if (!cartId) return
  await shareAffiliateConsent({ ...affiliateBackend, cartId, cookies: await cookies() })
}

/** The consent banner's Accept and Decline. */
export async function answerAffiliateConsent(consent: Consent) {
  writeConsent(await cookies(), consent)
  await syncAffiliateAttribution()
}

/** Right before the order is placed: the newest click reaches the cart, even without a new add to cart. */
export async function syncAffiliateAtCheckout(cartId: string) {
  await shareAffiliateAtCheckout({ ...affiliateBackend, cartId, cookies: await cookies() })
}
