import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderCredit } from "../../../lib/conversion-decision"
import { computeCommission } from "../../../modules/affiliate/utils/money"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { ConversionInsert, RecordedConversion } from "../../../modules/affiliate/types"
import type { OrderAttribution, OrderCoupon } from "./load-order-attribution"

export type RecordedStoreConversion = { conversion_id: string; created: boolean; campaign_id: string; via: "click" | "coupon" }

/** What the compensation takes back: the recorded conversions, and the skips' request-log entries. */
type Undo = { recorded: RecordedConversion[]; request_log_ids: string[] }

/**
 * Records the order's conversions (source `store` for a click, `coupon` for an affiliate's code),
 * at most one per campaign, and every reason it records none, all in the request log. The unique
 * index on (order_id, campaign) makes a second delivery of the event, or a second server handling
 * it at once, answer `duplicate` instead of counting twice. The compensation takes back everything
 * the step wrote: the conversions it created or the repeats it counted, and the log entries.
 */
export const recordStoreConversionStep = createStep(
  "record-store-affiliate-conversion",
  async ({ facts, credits }: { facts: OrderAttribution; credits: OrderCredit<OrderCoupon>[] }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const undo: Undo = { recorded: [], request_log_ids: [] }
    const results: RecordedStoreConversion[] = []
    const log = (campaign_id: string | null, click_token: string | null) => ({
      request_id: generateEntityId(undefined, "req"),
      source: "store" as const,
      method: null,
      http_status: null,
      campaign_id,
      key_prefix: null,
      order_id: facts.order.id,
      click_token,
      is_test: false,
    })
    const clickToken = facts.attribution?.click_token ?? null
    for (const credit of credits) {
      if (!credit.record) {
        const entry = { ...log(credit.campaign_id, credit.code ? null : clickToken), outcome: "skipped" as const, reason: credit.reason, conversion_id: null }
        undo.request_log_ids.push(await service.logRequest(entry, context))
        continue
      }
      const row = credit.via === "click" ? clickConversion(facts) : couponConversion(facts, credit.coupon)
      const recorded = await service.recordConversion(
        row,
        { ...log(credit.campaign_id, credit.via === "click" ? clickToken : null), reason: credit.reason },
        context
      )
      undo.recorded.push(recorded)
      results.push({ conversion_id: recorded.conversion_id, created: recorded.created, campaign_id: credit.campaign_id, via: credit.via })
    }
    return new StepResponse<RecordedStoreConversion[], Undo>(results, undo)
  },
  async (undo, { container, context }) => {
    if (!undo) return
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    for (const recorded of undo.recorded) await service.undoRecordedConversion(recorded, context)
    if (undo.request_log_ids.length) await service.deleteAffiliateRequestLogs(undo.request_log_ids, context)
  }
)

const NO_SHOPPER_CONTEXT = { user_agent: null, ip_hash: null, device_type: null, context: null, metadata: null }

/** The order as the click's conversion (source `store`), on the campaign's commission rule. */
function clickConversion(facts: OrderAttribution): ConversionInsert {
  const commission = computeCommission(facts.commission!, facts.order.order_total, facts.order.currency_code)
  return {
    ...orderAmounts(facts),
    campaign_id: facts.click!.campaign_id,
    affiliate_id: facts.click!.affiliate_id,
    click_id: facts.click_id!,
    commission_amount: commission.amount,
    commission_currency: commission.currency,
    source: "store",
  }
}

/** The order as an affiliate code's conversion (source `coupon`): no click, the same amount rule. */
function couponConversion(facts: OrderAttribution, coupon: OrderCoupon): ConversionInsert {
  const commission = computeCommission(coupon.commission, facts.order.order_total, facts.order.currency_code)
  return {
    ...orderAmounts(facts),
    campaign_id: coupon.campaign_id,
    affiliate_id: coupon.affiliate_id,
    click_id: null,
    commission_amount: commission.amount,
    commission_currency: commission.currency,
    source: "coupon",
    promotion_code: coupon.code,
  }
}

function orderAmounts(facts: OrderAttribution) {
  return {
    order_id: facts.order.id,
    order_total: facts.order.order_total,
    order_currency: facts.order.currency_code.toLowerCase(),
    is_test: false,
    limited_data_use: false,
    occurred_at: new Date(facts.occurred_at),
    ...NO_SHOPPER_CONTEXT,
  }
}
