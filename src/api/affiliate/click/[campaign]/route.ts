import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateClickToken } from "../../../../lib/click-token"
import { detectDevice } from "../../../../lib/device"
import { hashIp } from "../../../../lib/ip-hash"
import { chooseDestination, withClickToken } from "../../../../lib/redirect"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import { findClickTarget, insertClick } from "../../../../modules/affiliate/queries/click"
import type AffiliateModuleService from "../../../../modules/affiliate/service"

export const CLICK_COOKIE = "affiliate_click_token"
const DAY_MS = 24 * 60 * 60 * 1000
const SUB_MAX = 255

const text = (value: unknown, max: number) => (typeof value === "string" && value !== "" ? value.slice(0, max) : null)

/**
 * GET /affiliate/click/:campaign?aff=CODE[&sub1..sub5][&url=deep link]
 * Records the click and redirects to the campaign's target with `click_token` appended. A shopper
 * is never shown an error for a bad sub value: it is cut to 255 characters.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const affiliateCode = text(req.query.aff, 255)
  res.set("Cache-Control", "no-store")
  if (!affiliateCode) {
    res.status(400).json({ message: "The affiliate code (aff) is required" })
    return
  }
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const knex = service.getKnex()
  const target = await findClickTarget(knex, req.params.campaign, affiliateCode)
  if (!target.campaign_id || !target.affiliate_id) {
    res.status(404).json({ message: target.campaign_id ? "Unknown affiliate" : "Unknown campaign" })
    return
  }

  const destination = chooseDestination(target.target_url!, text(req.query.url, 2048) ?? undefined, target.allowed_redirect_hosts ?? [])
  const userAgent = text(req.headers["user-agent"], 1024)
  const deviceType = detectDevice(userAgent)
  // Paused partners and crawlers still reach the store, but earn no click and no token.
  if (target.campaign_status !== "active" || target.affiliate_status !== "active" || deviceType === "bot") {
    res.redirect(302, destination.href)
    return
  }

  const clickToken = generateClickToken()
  const windowMs = target.attribution_window_days! * DAY_MS
  await insertClick(knex, {
    click_token: clickToken,
    campaign_id: target.campaign_id,
    affiliate_id: target.affiliate_id,
    subs: [1, 2, 3, 4, 5].map((i) => text(req.query[`sub${i}`], SUB_MAX)),
    landing_url: destination.href,
    referrer: text(req.headers.referer, 2048),
    user_agent: userAgent,
    device_type: deviceType,
    ip_hash: hashIp(req.ip, service.getOptions().encryptionKey),
    expires_at: new Date(Date.now() + windowMs),
  })
  res.cookie(CLICK_COOKIE, clickToken, {
    httpOnly: true,
    sameSite: "lax",
    secure: req.secure,
    maxAge: windowMs,
    path: "/",
  })
  res.redirect(302, withClickToken(destination, clickToken))
}
