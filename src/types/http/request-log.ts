import type { CursorFindParams, CursorPaginatedResponse, DateRangeParams, OneOrMany } from "./common"
import type { RequestLogInput, RequestLogOutcome } from "../../modules/affiliate/types"

export type RequestOutcome = RequestLogOutcome

/** One S2S call or order decision, as `GET /admin/affiliate/requests` answers it. */
export type AdminRequestLogEntry = RequestLogInput & { id: string; created_at: string }

/** `GET /admin/affiliate/requests` (50 a page by default, newest first). */
export type AdminRequestLogListParams = CursorFindParams & {
  campaign_id?: OneOrMany<string>
  outcome?: OneOrMany<RequestOutcome>
  source?: OneOrMany<RequestLogInput["source"]>
  order_id?: string
  request_id?: string
  click_token?: string
  is_test?: boolean
  created_at?: DateRangeParams
}
export type AdminRequestLogListResponse = CursorPaginatedResponse<"requests", AdminRequestLogEntry>
