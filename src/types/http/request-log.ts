import type { CursorFindParams, CursorPaginatedResponse, DateRangeParams, OneOrMany } from "./common"
import type { ConversionSource } from "./conversion"

export type RequestOutcome = "success" | "duplicate" | "skipped" | "error"

/** One S2S call or order decision, as `GET /admin/affiliate/requests` answers it. */
export type AdminRequestLogEntry = {
  id: string
  /** The `request_id` the S2S endpoint answered (or the store path's own). */
  request_id: string
  source: ConversionSource
  /** The HTTP method of an S2S call; null for the store path. */
  method: string | null
  outcome: RequestOutcome
  http_status: number | null
  reason: string
  campaign_id: string | null
  /** The API key's first characters, never the key. */
  key_prefix: string | null
  order_id: string | null
  click_token: string | null
  conversion_id: string | null
  is_test: boolean
  created_at: string
}

/** `GET /admin/affiliate/requests` (50 a page by default, newest first). */
export type AdminRequestLogListParams = CursorFindParams & {
  campaign_id?: OneOrMany<string>
  outcome?: OneOrMany<RequestOutcome>
  source?: OneOrMany<ConversionSource>
  order_id?: string
  request_id?: string
  click_token?: string
  is_test?: boolean
  created_at?: DateRangeParams
}
export type AdminRequestLogListResponse = CursorPaginatedResponse<"requests", AdminRequestLogEntry>
