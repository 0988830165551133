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

/** With `per=item`: each conversion's columns, then its item's (a conversion without items has one row, its item columns empty). */
const ITEM_COLUMNS: CsvColumn<Row>[] = [
  ...COLUMNS,
  ...["item_sku", "item_product_id", "item_category", "item_collection", "item_quantity", "item_value", "item_commission_amount", "item_rule_id", "item_status"].map(
    (header) => ({ header, value: (row: Row) => row[header] })
  ),
]

/**
 * GET /admin/affiliate/conversions/export: every conversion the list's filters match, newest first,
 * as CSV (README, "Exports"), streamed from the database a batch at a time; `per=item` gives one
 * row per item, for reconciling by product.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportConversionsParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const { per, ...filters } = req.validatedQuery
  const batches = exportBatches(service, "conversions", filters)
  if (per !== "item") return sendCsv(req, res, { filename: "conversions", columns: COLUMNS, batches })
  await sendCsv(req, res, { filename: "conversion-items", columns: ITEM_COLUMNS, batches: itemRows(service, batches) })
}

/** Each batch of conversions as one row per item, the items read for the batch at once. */
async function* itemRows(service: AffiliateModuleService, batches: AsyncIterable<Row[]>) {
  for await (const rows of batches) {
    const withItems = await service.listConversionsWithItems(rows.map((r) => r.id as string))
    const itemsOf = new Map(withItems.map((c) => [c.id, c.items]))
    yield rows.flatMap((row) => {
      const items = itemsOf.get(row.id as string) ?? []
      if (!items.length) return [row]
      return items.map((i) => ({
        ...row,
        item_sku: i.sku,
        item_product_id: i.product_id,
        item_category: i.category.join(" | "),
        item_collection: i.collection,
        item_quantity: i.quantity,
        item_value: i.item_value,
        item_commission_amount: i.commission_amount,
        item_rule_id: i.rule_id,
        item_status: i.status,
      }))
    })
  }
}
