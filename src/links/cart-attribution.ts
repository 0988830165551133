import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import AffiliateModule from "../modules/affiliate"

/**
 * Cart -> its affiliate attribution, read through Query (`cart.affiliate_attribution`). Read-only:
 * the attribution keeps `cart_id` itself, where a unique index allows one attribution per cart.
 */
export default defineLink(
  { linkable: CartModule.linkable.cart, field: "id" },
  { ...AffiliateModule.linkable.affiliateAttribution.id, primaryKey: "cart_id" },
  { readOnly: true }
)
