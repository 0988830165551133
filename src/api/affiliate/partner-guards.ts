import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, parseCorsOrigins } from "@medusajs/framework/utils"
import { redactPartnerTokens } from "../../lib/partner-links"
import { publicBase } from "../admin/affiliate/public-url"

/*
 * What every partner page and form (`/affiliate/apply`, `/affiliate/portal`) goes through: strict
 * headers, cross-site form posts refused, tokens kept out of the access log.
 */

/** Private pages: never cached, framed or indexed; no referrer; no script at all. */
export const PARTNER_PAGE_HEADERS = {
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
}

export function partnerPageHeaders(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  res.set(PARTNER_PAGE_HEADERS)
  next()
}

/** The access log prints `originalUrl`: a confirmation or password token would land there whole. */
export function redactTokensFromUrl(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.originalUrl = redactPartnerTokens(req.originalUrl)
  next()
}

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : null
  } catch {
    return null
  }
}

/** The storefront origins Medusa allows (`storeCors`): a storefront may embed the application form or call it as JSON. */
function storeOrigins(req: MedusaRequest): (string | RegExp)[] {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return parseCorsOrigins(config.projectConfig.http.storeCors ?? "")
}
const listed = (origin: string, allowed: (string | RegExp)[]) => allowed.some((a) => (typeof a === "string" ? a === origin : a.test(origin)))

/**
 * Refuses a cross-site POST (CSRF). A browser says where a post comes from in `Sec-Fetch-Site`
 * (`same-origin` for this backend's own pages) and in `Origin`; since the partner pages send no
 * referrer, a browser posts their forms with `Origin: null`, so `Sec-Fetch-Site` is asked first.
 * Otherwise the `Origin` (or `Referer`) must be this backend (its own address or `publicUrl`), or
 * for the application form a storefront listed in `storeCors`. A request authenticated by a
 * bearer token and without cookies has no session to abuse, nor has a server that sends neither
 * header nor cookie; anything else is refused.
 */
export function refuseCrossSite({ storefronts }: { storefronts: boolean }) {
  return function crossSiteGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next()
    const fetchSite = req.headers["sec-fetch-site"]
    const origin = originOf(req.headers.origin as string | undefined) ?? originOf(req.headers.referer)
    const own = [publicBase(req).url, originOf(`${req.protocol}://${req.headers.host}`)].map((u) => originOf(u ?? undefined))
    const bearer = /^bearer\s/i.test(String(req.headers.authorization ?? ""))
    if (fetchSite === "same-origin") return next()
    if (origin && (own.includes(origin) || (storefronts && listed(origin, storeOrigins(req))))) return next()
    if (!origin && !fetchSite && !req.headers.cookie) return next()
    if (bearer && !req.headers.cookie) return next()
    res.status(403).json({ type: "not_allowed", message: "Cross-site form posts are refused: post from this site's own pages" })
  }
}

/** CORS for the JSON application endpoint, for the storefronts listed in `storeCors` only. */
export function applyCors(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const origin = req.headers.origin as string | undefined
  if (origin && listed(origin, storeOrigins(req))) {
    res.set({ "Access-Control-Allow-Origin": origin, Vary: "Origin", "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "Content-Type" })
    if (req.method === "OPTIONS") return void res.sendStatus(204)
  }
  next()
}
