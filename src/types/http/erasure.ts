import type { FindParams, PaginatedResponse } from "./common"

/** An erasure's record: who asked, when, and how much it erased; never what, nor for whom. */
export type AdminErasure = {
  id: string
  scope: "order" | "email"
  /** The admin user who asked for it. */
  requested_by: string | null
  orders_matched: number
  conversions_cleared: number
  clicks_cleared: number
  deliveries_cleared: number
  attributions_deleted: number
  request_logs_deleted: number
  created_at: string
}

/** `POST /admin/affiliate/erasures`: exactly one of the two names the shopper. */
export type AdminCreateErasure = { order_id: string; email?: never } | { email: string; order_id?: never }
/**
 * The erasure's record; `matched` is false when nothing about the shopper was found (so nothing
 * was erased), and `message` says what happened in one sentence.
 */
export type AdminErasureResponse = { erasure: AdminErasure; matched: boolean; message: string }

/** `GET /admin/affiliate/erasures` */
export type AdminErasureListParams = FindParams
export type AdminErasureListResponse = PaginatedResponse<"erasures", AdminErasure>
