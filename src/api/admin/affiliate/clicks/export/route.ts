import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CsvColumn } from "../../../../../lib/csv"
import { DAY_MS } from "../../../../../modules/affiliate/utils/time"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { sendCsv } from "../../csv-response"
import { exportBatches } from "../../export-batches"
import type { AdminExportClicksParamsType } from "../validators"

type Row = Record<string, unknown>

/** No user agent, IP hash or token: the visit, where it came from and the affiliate's subs. */
const COLUMNS: CsvColumn<Row>[] = [
  "id", "created_at", "campaign_id", "affiliate_id", "affiliate_code", "sub1", "sub2", "sub3", "sub4", "sub5",
  "device_type", "referrer", "landing_url", "expires_at",
].map((header) => ({ header, value: (row: Row) => row[header] }))

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * GET /admin/affiliate/clicks/export?campaign_id=&from=&to=: one campaign's clicks, newest first,
 * as CSV, streamed. `from` and `to` are inclusive; a date alone covers its whole UTC day.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportClicksParamsType>, res: MedusaResponse) => {
  const { campaign_id, from, to } = req.validatedQuery as AdminExportClicksParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph({ entity: "affiliate_campaign", fields: ["id"], filters: { id: campaign_id } }, { throwIfKeyNotFound: true })
  const created_at: Record<string, Date> = {}
  if (from) created_at.$gte = new Date(from)
  if (to) {
    if (DATE_ONLY.test(to)) created_at.$lt = new Date(new Date(to).getTime() + DAY_MS)
    else created_at.$lte = new Date(to)
  }
  const filters = { campaign_id, ...(Object.keys(created_at).length ? { created_at } : {}) }
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  await sendCsv(req, res, { filename: "clicks", columns: COLUMNS, batches: exportBatches(service, "clicks", filters) })
}
