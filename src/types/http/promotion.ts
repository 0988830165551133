import type { DeleteResponse } from "./common"

/** A Medusa promotion an affiliate owns for a campaign: an order using its code credits the affiliate. */
export type AdminAffiliatePromotion = {
  id: string
  affiliate_id: string
  campaign_id: string
  /** The campaign's name (null once the campaign is deleted). */
  campaign_name: string | null
  promotion_id: string
  /** The code shoppers type, read from Medusa's promotion (null once the promotion is deleted). */
  code: string | null
  /** The promotion's status in Medusa: only an active one can be used at checkout. */
  promotion_status: string | null
  created_at: string
}

/** `GET /admin/affiliate/affiliates/:id/promotions` */
export type AdminAffiliatePromotionListResponse = { promotions: AdminAffiliatePromotion[] }

/** A promotion made on the affiliate's page: a manual code, off the items. */
export type AdminNewPromotion = {
  code: string
  type: "percentage" | "fixed"
  /** A percentage (0-100) or an amount in `currency_code`, as a decimal string or number. */
  value: string | number
  /** Required for a fixed amount. */
  currency_code?: string
}

/**
 * `POST /admin/affiliate/affiliates/:id/promotions`: link an existing promotion
 * (`promotion_id`) or create one (`promotion`), for the campaign. One affiliate per promotion: 409 if taken.
 */
export type AdminLinkAffiliatePromotion =
  | { campaign_id: string; promotion_id: string }
  | { campaign_id: string; promotion: AdminNewPromotion }

export type AdminAffiliatePromotionResponse = { promotion: AdminAffiliatePromotion }

/** `DELETE /admin/affiliate/affiliates/:id/promotions/:promotion_id` (the promotion stays in Medusa). */
export type AdminAffiliatePromotionDeleteResponse = DeleteResponse<"affiliate_promotion">

/** A Medusa promotion as the dashboard looks one up by its code (`GET /admin/promotions?code=`). */
export type AdminPromotionLookup = { id: string; code: string }
