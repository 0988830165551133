import { z } from "@medusajs/framework/zod"
import { listParams } from "../validators"

/** Exactly one of an order id or a customer email names the shopper. */
export const AdminCreateErasure = z
  .strictObject({
    order_id: z.string().trim().min(1).max(255).optional(),
    email: z.string().trim().max(320).pipe(z.email("email must be a valid email address")).optional(),
  })
  .refine((b) => !b.order_id !== !b.email, { message: "Send exactly one of order_id or email" })
export type AdminCreateErasureType = z.infer<typeof AdminCreateErasure>

export const AdminGetErasuresParams = listParams({}, { limit: 20, paged_by_cursor: false })
export type AdminGetErasuresParamsType = z.infer<typeof AdminGetErasuresParams>
