import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { type CsvColumn, csvHeader, csvRows } from "../../../lib/csv"
import { decodeForm, FormDecodeError } from "../../../lib/form-decode"
import type { ShopConversion } from "../../../modules/affiliate/types"
import * as answer from "../../../modules/affiliate/utils/s2s-answers"
import { answerShopCall, type CallAnswer, presentedKey } from "../answer-call"

const CSV_COLUMNS: CsvColumn<ShopConversion>[] = [
  { header: "id", value: (c) => c.id },
  { header: "order_id", value: (c) => c.order_id },
  { header: "status", value: (c) => c.status },
  { header: "order_total", value: (c) => c.order_total },
  { header: "order_currency", value: (c) => c.order_currency },
  { header: "commission_amount", value: (c) => c.commission_amount },
  { header: "commission_currency", value: (c) => c.commission_currency },
  { header: "created_at", value: (c) => c.created_at },
  // One row per conversion: its items in one cell, "sku × quantity = value (status)", separated by " | ".
  { header: "items", value: (c) => c.items.map((i) => `${i.sku} × ${i.quantity} = ${i.item_value} (${i.status})`).join(" | ") },
]

/**
 * GET /integration/s2sConversions: the key's campaign's conversions, newest first, by cursor,
 * with their items and no visitor data (contract, section 9); `Accept: text/csv` answers the same
 * page as CSV, with the next cursor in the `X-Next-Cursor` header.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  await answerShopCall(req, res, "s2s", async (service, requestId): Promise<CallAnswer> => {
    let query: Record<string, unknown>
    try {
      query = decodeForm(req.url.includes("?") ? req.url.slice(req.url.indexOf("?") + 1) : "")
    } catch (e) {
      if (!(e instanceof FormDecodeError)) throw e
      return answer.failed(400, e.message, [{ field: e.field, message: e.message }])
    }
    try {
      const listed = await service.listS2sConversions({ request_id: requestId, method: req.method, api_key: presentedKey(req, query.api_key), query })
      if ("answer" in listed) return listed.answer
      if (String(req.headers.accept ?? "").includes("text/csv")) {
        const next: Record<string, string> = listed.page.next_cursor ? { "X-Next-Cursor": listed.page.next_cursor } : {}
        return { http: 200, csv: csvHeader(CSV_COLUMNS) + csvRows(CSV_COLUMNS, listed.page.conversions), headers: next }
      }
      return { http: 200, body: listed.page }
    } catch (e) {
      // A cursor this list did not give.
      if (MedusaError.isMedusaError(e) && (e as MedusaError).type === MedusaError.Types.INVALID_DATA) {
        return answer.failed(400, `Invalid after: ${(e as MedusaError).message}`, [{ field: "after", message: (e as MedusaError).message }])
      }
      throw e
    }
  })
}
