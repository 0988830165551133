import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CsvColumn } from "../../../../../lib/csv"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { sendCsv } from "../../csv-response"
import { exportBatches } from "../../export-batches"
import type { AdminExportConversionsParamsType } from "../validators"

type Row = Record<string, unknown>

/** What an accountant reconciles with: no user agent, IP hash, device or metadata (shopper data). */
const COLUMNS: CsvColumn<Row>[] = [
  "id", "created_at", "occurred_at", "campaign_id", "campaign_name", "affiliate_id", "affiliate_code", "affiliate_name",
  "source", "promotion_code", "status", "status_reason", "order_id", "order_total", "order_currency",
  "commission_amount", "commission_currency", "is_test", "click_id",
].map((header) => ({ header, value: (row: Row) => row[header] }))

/**
 * GET /admin/affiliate/conversions/export: every conversion the list's filters match, newest first,
 * as CSV (README, "Exports"), streamed from the database a batch at a time.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportConversionsParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const filters = req.validatedQuery as Record<string, unknown>
  await sendCsv(req, res, { filename: "conversions", columns: COLUMNS, batches: exportBatches(service, "conversions", filters) })
}
