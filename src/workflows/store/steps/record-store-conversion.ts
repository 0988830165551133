import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ConversionDecision } from "../../../lib/conversion-decision"
import { computeCommission } from "../../../lib/money"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { RecordedConversion } from "../../../modules/affiliate/types"
import type { OrderAttribution } from "./load-order-attribution"

export type RecordedStoreConversion = { conversion_id: string; created: boolean } | null

/** What the compensation takes back: the recorded conversion, or the skip's request-log entry. */
type Undo = { recorded: RecordedConversion | null; request_log_id: string | null }

/**
 * Records the order's conversion (source `store`) or the reason it records none, in the request
 * log either way. The unique index on (campaign, order_id) makes a second delivery of the event,
 * or a second server handling it at once, answer `duplicate` instead of counting twice. The
 * compensation takes back everything the step wrote: the conversion it created or the repeat it
 * counted, and the request-log entry.
 */
export const recordStoreConversionStep = createStep(
  "record-store-affiliate-conversion",
  async ({ facts, decision }: { facts: OrderAttribution; decision: ConversionDecision }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
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
      const id = await service.logRequest({ ...log, outcome: "skipped", reason: decision.reason, conversion_id: null }, context)
      return new StepResponse<RecordedStoreConversion, Undo>(null, { recorded: null, request_log_id: id })
    }
    const commission = computeCommission(facts.commission!, facts.order.order_total, facts.order.currency_code)
    const recorded = await service.recordConversion(
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
        occurred_at: new Date(facts.occurred_at),
        metadata: null,
      },
      log,
      context
    )
    const result = { conversion_id: recorded.conversion_id, created: recorded.created }
    return new StepResponse<RecordedStoreConversion, Undo>(result, { recorded, request_log_id: null })
  },
  async (undo, { container, context }) => {
    if (!undo) return
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (undo.recorded) await service.undoRecordedConversion(undo.recorded, context)
    if (undo.request_log_id) await service.deleteAffiliateRequestLogs(undo.request_log_id, context)
  }
)
