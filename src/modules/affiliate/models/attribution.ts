import { model } from "@medusajs/framework/utils"
import { AffiliateClick } from "./click"

/**
 * A cart's affiliate attribution: the most recent click token the storefront captured, and the
 * shopper's consent with its time and where it came from. Joined to the cart by a module link.
 */
export const AffiliateAttribution = model
  .define("affiliate_attribution", {
    id: model.id({ prefix: "aatt" }).primaryKey(),
    cart_id: model.text(),
    click_token: model.text().nullable(),
    // Where the token came from: the request body or the first-party cookie of the affiliate link.
    token_source: model.enum(["body", "cookie"]).nullable(),
    token_captured_at: model.dateTime().nullable(),
    consent: model.enum(["granted", "denied"]).nullable(),
    consent_at: model.dateTime().nullable(),
    // Free text from the storefront: which banner or screen recorded the consent.
    consent_source: model.text().nullable(),
    click: model.belongsTo((): typeof AffiliateClick => AffiliateClick, { mappedBy: "attributions" }).nullable(),
  })
  .indexes([{ on: ["cart_id"], unique: true }])
