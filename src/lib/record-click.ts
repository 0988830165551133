import type AffiliateModuleService from "../modules/affiliate/service"
import { findClickTarget, insertClick } from "../modules/affiliate/queries/click"
import { generateClickToken } from "./click-token"
import { detectDevice } from "./device"
import { hashIp } from "./ip-hash"
import { chooseDestination } from "./redirect"

/** The first-party cookie the affiliate link sets; the cart capture endpoint reads it. */
export const CLICK_COOKIE = "affiliate_click_token"
export const UNKNOWN_TARGET = { unknown_campaign: "Unknown campaign", unknown_affiliate: "Unknown affiliate" }

const DAY_MS = 24 * 60 * 60 * 1000
const SUB_MAX = 255

export type ClickRequest = {
  campaign: string
  affiliate_code: string
  subs: (string | null | undefined)[]
  deep_link?: string | null
  user_agent?: string | null
  referrer?: string | null
  ip?: string | null
}

export type ClickOutcome =
  | { result: "unknown_campaign" }
  | { result: "unknown_affiliate" }
  | { result: "not_billable"; destination: URL }
  | { result: "recorded"; destination: URL; click_token: string; expires_at: Date; window_ms: number }

/**
 * Records one visit through an affiliate link, shared by the redirect link and the storefront's
 * `POST /store/affiliate/clicks`. Paused partners and crawlers still reach the store, but earn no
 * click and no token.
 */
export async function recordClick(service: AffiliateModuleService, click: ClickRequest): Promise<ClickOutcome> {
  const knex = service.getKnex()
  const target = await findClickTarget(knex, click.campaign, click.affiliate_code)
  if (!target.campaign_id) return { result: "unknown_campaign" }
  if (!target.affiliate_id) return { result: "unknown_affiliate" }

  const destination = chooseDestination(target.target_url!, click.deep_link ?? undefined, target.allowed_redirect_hosts ?? [])
  const deviceType = detectDevice(click.user_agent)
  if (target.campaign_status !== "active" || target.affiliate_status !== "active" || deviceType === "bot") {
    return { result: "not_billable", destination }
  }
  const clickToken = generateClickToken()
  const windowMs = target.attribution_window_days! * DAY_MS
  const expiresAt = new Date(Date.now() + windowMs)
  await insertClick(knex, {
    click_token: clickToken,
    campaign_id: target.campaign_id,
    affiliate_id: target.affiliate_id,
    subs: [0, 1, 2, 3, 4].map((i) => click.subs[i]?.slice(0, SUB_MAX) || null),
    landing_url: destination.href,
    referrer: click.referrer ?? null,
    user_agent: click.user_agent ?? null,
    device_type: deviceType,
    ip_hash: hashIp(click.ip, service.getOptions().encryptionKey),
    expires_at: expiresAt,
  })
  return { result: "recorded", destination, click_token: clickToken, expires_at: expiresAt, window_ms: windowMs }
}
