import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import AffiliateModule from "../modules/affiliate"

/**
 * An affiliate's promotion -> the Medusa promotion it names (`affiliate_promotion.promotion`, with
 * its `code`), read through Query. Read-only: the affiliate module keeps only `promotion_id`, where
 * a unique index allows one affiliate per promotion (a link table's cardinality is checked before
 * the insert, so two admins at once could both pass it); the promotion itself is never copied.
 */
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliatePromotion, field: "promotion_id" },
  PromotionModule.linkable.promotion,
  { readOnly: true }
)
