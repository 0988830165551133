import { z } from "@medusajs/framework/zod"

/*
 * What the store routes answer, as the OpenAPI document publishes it. The HTTP suites check the
 * real answers against the generated document.
 */

const timestamp = z.iso.datetime({ offset: true })

/** `POST /store/carts/:id/affiliate`: the cart's attribution after the change. */
export const StoreAttributionAnswer = z.object({
  attribution: z.looseObject({
    id: z.string(),
    cart_id: z.string(),
    click_id: z.string().nullable(),
    click_token: z.string().nullable(),
    token_source: z.enum(["body", "cookie"]).nullable().describe("Where the token came from: the request body or the affiliate link's cookie."),
    token_captured_at: timestamp.nullable(),
    consent: z.enum(["granted", "denied"]).nullable(),
    consent_at: timestamp.nullable(),
    consent_source: z.string().nullable(),
  }),
})

/** An unknown, case-altered or expired token: the cart is left unchanged. */
export const StoreAttributionRefusal = z.object({
  type: z.literal("invalid_data"),
  code: z.enum(["unknown_click_token", "click_expired"]),
  message: z.enum(["Unknown click_token", "click_token expired"]),
})

/** `DELETE /store/carts/:id/affiliate`. */
export const StoreAttributionRemoved = z.object({
  cart_id: z.string(),
  object: z.literal("affiliate_attribution"),
  deleted: z.boolean().describe("false when the cart had no attribution."),
})

/** `POST /store/affiliate/clicks`, 201: the click was recorded. */
export const StoreClickRecorded = z.object({
  click_token: z.string().describe("Add it to the landing URL or keep it for the cart, exactly as given."),
  expires_at: timestamp.describe("When the attribution window of this click ends."),
})

/** `POST /store/affiliate/clicks`, 200: a paused campaign or affiliate, or a crawler: no click. */
export const StoreClickNotBillable = z.object({
  click_token: z.null(),
  expires_at: z.null(),
  redirect_url: z.string().describe("Where the shopper should land, without a token."),
})
