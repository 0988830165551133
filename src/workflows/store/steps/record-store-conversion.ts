import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { computeCommission } from "../../../lib/money"
import type { StoreDecision } from "../../../lib/store-decision"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { insertRequestLog, recordConversion } from "../../../modules/affiliate/queries/s2s"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { OrderAttribution } from "./load-order-attribution"

export type RecordedStoreConversion = { conversion_id: string; created: boolean } | null

/**
 * Records the order's conversion (source `store`) or the reason it records none, in the request
 * log either way. The unique index on (campaign, order_id) makes a second delivery of the event,
 * or a second server handling it at once, answer `duplicate` instead of counting twice. The
 * compensation removes a conversion this step created.
 */
export const recordStoreConversionStep = createStep(
  "record-store-affiliate-conversion",
  async ({ facts, decision }: { facts: OrderAttribution; decision: StoreDecision }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const knex = service.getKnex()
    const log = {
      request_id: generateEntityId(undefined, "req"),
      source: "store" as const,
      method: null,
      http_status: null,
      campaign_id: facts.click?.campaign_id ?? null,
      key_prefix: null,
      order_id: facts.order.id,
      click_token: facts.attribution?.click_token ?? null,
      is_test: false,
    }
    if (!decision.record) {
      await insertRequestLog(knex, { ...log, outcome: "skipped", reason: decision.reason, conversion_id: null })
      return new StepResponse<RecordedStoreConversion, string | null>(null, null)
    }
    const commission = computeCommission(facts.commission!, facts.order.order_total, facts.order.currency_code)
    const result = await recordConversion(
      knex,
      {
        campaign_id: facts.click!.campaign_id,
        affiliate_id: facts.click!.affiliate_id,
        click_id: facts.click_id!,
        order_id: facts.order.id,
        order_total: facts.order.order_total,
        order_currency: facts.order.currency_code.toLowerCase(),
        commission_amount: commission.amount,
        commission_currency: commission.currency,
        source: "store",
        is_test: false,
        limited_data_use: false,
        user_agent: null,
        ip_hash: null,
        device_type: null,
        context: null,
        occurred_at: new Date(facts.placed_at),
        metadata: null,
      },
      log
    )
    const recorded = { conversion_id: result.conversion_id, created: !result.duplicate }
    return new StepResponse<RecordedStoreConversion, string | null>(recorded, recorded.created ? recorded.conversion_id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateConversions(createdId)
  }
)
