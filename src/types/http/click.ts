import type { CursorFindParams, CursorPaginatedResponse, DateRangeParams, OneOrMany } from "./common"

export type DeviceType = "desktop" | "mobile" | "tablet" | "bot" | "other"

/** A click as `GET /admin/affiliate/clicks` answers it: the IP only ever as a keyed hash. */
export type AdminClick = {
  id: string
  click_token: string
  campaign_id: string
  affiliate_id: string
  sub1: string | null
  sub2: string | null
  sub3: string | null
  sub4: string | null
  sub5: string | null
  /** Cleared with the other visitor details by retention or an erasure. */
  landing_url: string | null
  referrer: string | null
  user_agent: string | null
  device_type: DeviceType
  ip_hash: string | null
  expires_at: string
  created_at: string
}

/** `GET /admin/affiliate/clicks` (50 a page by default, newest first). */
export type AdminClickListParams = CursorFindParams & {
  campaign_id?: OneOrMany<string>
  affiliate_id?: OneOrMany<string>
  click_token?: string
  device_type?: DeviceType
  created_at?: DateRangeParams
}
export type AdminClickListResponse = CursorPaginatedResponse<"clicks", AdminClick>

/** `POST /admin/affiliate/campaigns/:id/test-click` body: the oldest active affiliate when absent. */
export type AdminCreateTestClick = { affiliate_id?: string }

/** `POST /admin/affiliate/campaigns/:id/test-click`: a click for "Send test conversion". */
export type AdminTestClickResponse = { click_token: string; click_id: string; affiliate_id: string }
