import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CsvColumn } from "../../../../../../lib/csv"
import { formatAmount } from "../../../../../../modules/affiliate/utils/money"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import type { PayoutLineDetail } from "../../../../../../modules/affiliate/types"
import { sendCsv } from "../../../csv-response"
import { EXPORT_BATCH } from "../../../export-batches"

type Line = PayoutLineDetail & { currency_code: string }

const COLUMNS: CsvColumn<Line>[] = [
  { header: "payout_id", value: (l) => l.payout_id },
  { header: "line_id", value: (l) => l.id },
  { header: "type", value: (l) => l.type },
  { header: "conversion_id", value: (l) => l.conversion_id },
  { header: "adjustment_id", value: (l) => l.adjustment_id },
  { header: "campaign_id", value: (l) => l.campaign_id },
  { header: "order_id", value: (l) => l.order_id },
  { header: "source", value: (l) => l.source },
  { header: "occurred_at", value: (l) => l.occurred_at },
  { header: "reason", value: (l) => l.reason },
  { header: "amount", value: (l) => formatAmount(l.amount, l.currency_code) },
  { header: "currency_code", value: (l) => l.currency_code },
]

/** GET /admin/affiliate/payouts/:id/export: the payout's lines as CSV, streamed; they add up to its amount. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payout],
  } = await query.graph({ entity: "affiliate_payout", fields: ["id", "currency_code"], filters: { id: req.params.id } }, { throwIfKeyNotFound: true })
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  async function* batches() {
    let after: string | undefined
    for (;;) {
      const lines = await service.listPayoutLines(payout.id, after, EXPORT_BATCH)
      if (!lines.length) return
      yield lines.map((l) => ({ ...l, currency_code: payout.currency_code }))
      if (lines.length < EXPORT_BATCH) return
      after = lines[lines.length - 1].id
    }
  }
  await sendCsv(req, res, { filename: `payout-${payout.id}`, columns: COLUMNS, batches: batches() })
}
