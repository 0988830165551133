import { z } from "@medusajs/framework/zod"

/** A CSV upload's parameters travel in the query string: the body is the file. */
export const AdminValidateConversionsQuery = z.strictObject({
  campaign_id: z.string().min(1, "is required: the campaign whose conversions these are"),
  dry_run: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  test: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
})
