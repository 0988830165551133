import { model } from "@medusajs/framework/utils"

/**
 * Where a partner wants to be paid, entered in the portal. The details (PayPal email, IBAN,
 * account holder) are one JSON document encrypted with the plugin's key (AES-256-GCM): only the
 * module service opens them, for the admin's payout page.
 */
export const AffiliatePayoutDetails = model
  .define("affiliate_payout_details", {
    id: model.id({ prefix: "apdt" }).primaryKey(),
    affiliate_id: model.text(),
    method: model.enum(["paypal", "bank"]),
    details_ciphertext: model.text(),
  })
  .indexes([{ on: ["affiliate_id"], unique: true }])
