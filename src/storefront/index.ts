// medusa-plugin-affiliate-s2s/storefront: what a storefront needs to keep the affiliate's click
// token up to checkout and to share the shopper's consent with the cart. No dependencies and no
// Node.js APIs: it runs in Next.js middleware and proxy (edge runtime), route handlers, server
// actions and browsers. See the README's "Storefront integration".
export { type AffiliateBackend, type BackendFailure } from "./backend"
export { shareAffiliateAtCheckout } from "./checkout"
export {
  CLICK_EXPIRES_AT_PARAM,
  CLICK_KEPT_COOKIE,
  CLICK_TOKEN_COOKIE,
  CLICK_TOKEN_PARAM,
  type ClickTokenOptions,
  clickTokenFromUrl,
  forgetClickToken,
  hasClickToken,
  type IncomingRequest,
  publicUrl,
  readClickToken,
  rememberClickToken,
  secondsLeftFromUrl,
  withAffiliateToken,
} from "./click-token"
export { awaitsConsent, type Consent, CONSENT_COOKIE, readConsent, writeConsent } from "./consent"
export {
  type CookieOptions,
  type CookieReader,
  type CookieSource,
  type CookieStore,
  documentCookies,
} from "./cookies"
export { forgetAttribution, type ForgetInput, type ForgetResult } from "./forget-attribution"
export {
  AFFILIATE_PARAM,
  type AffiliateClick,
  affiliateClickFromUrl,
  CAMPAIGN_PARAM,
  type RecordClickResult,
  recordAffiliateClick,
  withAffiliateClick,
} from "./record-click"
export {
  type CaptureInput,
  type CaptureResult,
  captureCartAttribution,
  type CartAttribution,
  type ShareInput,
  type ShareResult,
  shareAffiliateConsent,
} from "./share-attribution"
