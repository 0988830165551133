import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CLICK_COOKIE } from "../../../../modules/affiliate/utils/click-token"
import { withClickToken } from "../../../../modules/affiliate/utils/redirect"
import { countryFrom, isPrefetch, paidSearchParameter } from "../../../../modules/affiliate/utils/visit"
import { stripUnstorableText } from "../../../../lib/unstorable-text"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { AffiliateLinkQuery } from "./validators"

const text = (value: unknown, max: number) => (typeof value === "string" && value !== "" ? value.slice(0, max) : null)

/**
 * GET /affiliate/click/:campaign?aff=CODE[&sub1..sub5][&url=deep link]
 * Records the click and redirects to the campaign's target with `click_token` appended, and beside
 * it `click_expires_at` (Unix seconds): the storefront helper keeps the token as long. A shopper
 * is never shown an error for a bad sub value: it is cut to 255 characters and loses the characters
 * PostgreSQL cannot store (README, "Input the plugin refuses").
 *
 * Unique clicks (README, "Trust"): the same visitor (IP and user agent) through the same link
 * within the campaign's window gets the earlier click's token back; a HEAD or a browser's prefetch
 * gets the redirect and no click (Express answers a HEAD with this GET handler).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.set("Cache-Control", "no-store")
  // Only `aff` can fail: the other fields never refuse a value (see the schema).
  const query = AffiliateLinkQuery.safeParse(req.query)
  if (!query.success) {
    res.status(400).json({ message: "The affiliate code (aff) is required" })
    return
  }
  const { aff, sub1, sub2, sub3, sub4, sub5, url } = query.data
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const outcome = await service.recordClick({
    campaign: stripUnstorableText(req.params.campaign),
    affiliate_code: aff,
    subs: [sub1, sub2, sub3, sub4, sub5],
    deep_link: url,
    user_agent: text(req.headers["user-agent"], 1024),
    referrer: text(req.headers.referer, 2048),
    ip: req.ip,
    reuse_repeat_visits: true,
    prefetch: req.method === "HEAD" || isPrefetch(req.headers),
    country: countryFrom(req.headers, service.getOptions().countryHeader),
    paid_search_param: paidSearchParameter(req.query as Record<string, unknown>, url),
  })
  if (outcome.result === "unknown_campaign" || outcome.result === "unknown_affiliate") {
    res.status(404).json({ message: outcome.message })
    return
  }
  if (outcome.result === "not_billable") return redirect(res, outcome.destination.href)
  res.cookie(CLICK_COOKIE, outcome.click_token, {
    httpOnly: true,
    sameSite: "lax",
    secure: req.secure,
    maxAge: outcome.window_ms,
    path: "/",
  })
  redirect(res, withClickToken(outcome.destination, outcome.click_token, outcome.expires_at))
}

/**
 * A 302 with Node's own writeHead: Express's `res.redirect` negotiates a text or HTML body with
 * the Accept header on every click, which no browser following a redirect reads. The location is
 * a WHATWG URL's `href`, already encoded.
 */
function redirect(res: MedusaResponse, location: string) {
  res.writeHead(302, { Location: location, "Content-Length": 0 })
  res.end()
}
