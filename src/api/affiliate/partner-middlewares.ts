import { authenticate, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { guardPluginInput } from "../input-guard"
import { ApplyBody, validatePartnerBody } from "./apply/validators"
import { applyCors, partnerPageHeaders, redactTokensFromUrl, refuseCrossSite } from "./partner-guards"
import { requirePartner } from "./portal/partner"
import { PortalBuildLink, PortalConversionsParams, PortalPayoutDetails, PortalQrParams, PortalStatsParams, PortalUpdateMe } from "./portal/validators"

/**
 * A partner's own session or bearer token (Medusa's `authenticate`, actor type `affiliate`), then
 * the affiliate it names; browsers without one are sent to the login page.
 */
const partnerOnly = [authenticate("affiliate", ["session", "bearer"], { allowUnauthenticated: true }), requirePartner]

export const partnerMiddlewares: MiddlewareRoute[] = [
  // No method: mounted as prefixes, so they run for every method first.
  { matcher: "/affiliate/apply", middlewares: [partnerPageHeaders, guardPluginInput, applyCors, refuseCrossSite({ storefronts: true })] },
  { matcher: "/affiliate/portal", middlewares: [partnerPageHeaders, guardPluginInput, refuseCrossSite({ storefronts: false })] },
  { matcher: "/affiliate/apply/confirm", middlewares: [redactTokensFromUrl] },
  { matcher: "/affiliate/portal/set-password", middlewares: [redactTokensFromUrl] },
  { methods: ["POST"], matcher: "/affiliate/apply", middlewares: [validatePartnerBody(ApplyBody)] },

  { methods: ["GET"], matcher: "/affiliate/portal", middlewares: partnerOnly },
  { methods: ["GET", "POST"], matcher: "/affiliate/portal/me", middlewares: partnerOnly },
  { methods: ["POST"], matcher: "/affiliate/portal/me", middlewares: [validatePartnerBody(PortalUpdateMe)] },
  { methods: ["GET", "POST"], matcher: "/affiliate/portal/links", middlewares: partnerOnly },
  { methods: ["POST"], matcher: "/affiliate/portal/links", middlewares: [validatePartnerBody(PortalBuildLink)] },
  { methods: ["GET"], matcher: "/affiliate/portal/links/qr", middlewares: [...partnerOnly, validateAndTransformQuery(PortalQrParams, {})] },
  { methods: ["GET"], matcher: "/affiliate/portal/stats", middlewares: [...partnerOnly, validateAndTransformQuery(PortalStatsParams, {})] },
  { methods: ["GET"], matcher: "/affiliate/portal/conversions", middlewares: [...partnerOnly, validateAndTransformQuery(PortalConversionsParams, {})] },
  { methods: ["GET"], matcher: "/affiliate/portal/payouts", middlewares: partnerOnly },
  { methods: ["GET", "POST"], matcher: "/affiliate/portal/payout-details", middlewares: partnerOnly },
  { methods: ["POST"], matcher: "/affiliate/portal/payout-details", middlewares: [validatePartnerBody(PortalPayoutDetails)] },
]
