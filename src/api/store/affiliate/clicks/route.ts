import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { StoreRecordClickType } from "../../validators"

/**
 * POST /store/affiliate/clicks: for storefronts that receive affiliate traffic directly. Records
 * the click like the affiliate link does and answers `{ click_token, expires_at }`; a paused
 * partner or a crawler gets `{ click_token: null }`.
 */
export async function POST(req: MedusaRequest<StoreRecordClickType>, res: MedusaResponse) {
  const body = req.validatedBody
  const outcome = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).recordClick({
    campaign: body.campaign,
    affiliate_code: body.aff,
    subs: [body.sub1, body.sub2, body.sub3, body.sub4, body.sub5],
    deep_link: body.url,
    user_agent: body.user_agent ?? req.headers["user-agent"] ?? null,
    referrer: body.referrer ?? null,
    ip: req.ip,
  })
  if (outcome.result === "unknown_campaign" || outcome.result === "unknown_affiliate") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, outcome.message)
  }
  if (outcome.result === "not_billable") {
    res.json({ click_token: null, expires_at: null, redirect_url: outcome.destination.href })
    return
  }
  res.status(201).json({ click_token: outcome.click_token, expires_at: outcome.expires_at })
}
