import {
  type AffiliateBackend,
  type Consent,
  documentCookies,
  rememberClickToken,
  shareAffiliateConsent,
  writeConsent,
} from "medusa-plugin-affiliate-s2s/storefront"

const cookies = documentCookies()

/** On every page load: keep the most recent click_token of the URL. */
export function keepClickToken() {
  rememberClickToken(location.href, cookies)
}

/** Once the cart exists, with the shopper's answer when they give it, and right before checkout. */
export function shareAffiliate(backend: AffiliateBackend, cartId: string, answer?: Consent) {
  if (answer) writeConsent(cookies, answer)
  return shareAffiliateConsent({ ...backend, credentials: "include", cartId, cookies })
}
