import { z } from "@medusajs/framework/zod"
import type { Answer } from "./build-document"

/** The body of an error answered by Medusa's error handler (a `MedusaError` thrown in a route). */
export const MedusaErrorBody = z.object({
  type: z.string().describe("e.g. invalid_data, not_found, not_allowed, unauthorized, duplicate_error"),
  message: z.string(),
  code: z.string().optional(),
})

export const medusaError = (description: string): Answer => ({ description, body: MedusaErrorBody, name: "MedusaError" })
