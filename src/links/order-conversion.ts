import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AffiliateModule from "../modules/affiliate"

/**
 * Order -> the conversions recorded for it (`order.affiliate_conversions`), read through Query
 * for the admin's order widget. Read-only: a store conversion's `order_id` is the order's id.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...AffiliateModule.linkable.affiliateConversion.id, primaryKey: "order_id" },
  { readOnly: true, isList: true }
)
