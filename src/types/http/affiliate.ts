import type { DeleteResponse, FindParams, OneOrMany, PaginatedResponse } from "./common"

export type AffiliateStatus = "active" | "paused"

/** One link per campaign that is not archived: `<publicUrl>/affiliate/click/<handle>?aff=<code>`. */
export type AdminTrackingLink = { campaign_id: string; campaign_name: string; url: string }

/** An affiliate as the admin API answers it (the default `fields`). */
export type AdminAffiliate = {
  id: string
  /** Goes into links as `aff=`: 1-64 letters, digits, `_` or `-`, unique. */
  code: string
  name: string
  email: string
  status: AffiliateStatus
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type AdminAffiliateWithLinks = AdminAffiliate & { tracking_links: AdminTrackingLink[] }

/** `GET /admin/affiliate/affiliates` */
export type AdminAffiliateListParams = FindParams & {
  /** Part of the code, name or email, case-insensitive. */
  q?: string
  id?: OneOrMany<string>
  status?: OneOrMany<AffiliateStatus>
  /** Adds `tracking_links` to every affiliate. */
  with_tracking_links?: boolean
}
/** Each affiliate has `tracking_links` only when the list was asked `with_tracking_links=true`. */
export type AdminAffiliateListResponse = PaginatedResponse<
  "affiliates",
  AdminAffiliate & { tracking_links?: AdminTrackingLink[] }
>

/** `GET`, `POST /admin/affiliate/affiliates/:id` and `POST /admin/affiliate/affiliates`: always with links. */
export type AdminAffiliateResponse = { affiliate: AdminAffiliateWithLinks }

/** `POST /admin/affiliate/affiliates` body. */
export type AdminCreateAffiliate = {
  code: string
  name: string
  email: string
  status?: AffiliateStatus // "active"
  metadata?: Record<string, unknown> | null
}

/** `POST /admin/affiliate/affiliates/:id` body. */
export type AdminUpdateAffiliate = Partial<AdminCreateAffiliate>

/** `DELETE /admin/affiliate/affiliates/:id` (soft delete: its links stop recording clicks). */
export type AdminAffiliateDeleteResponse = DeleteResponse<"affiliate">
