import { z } from "@medusajs/framework/zod"

export const AdminUpdateProgramSettings = z.strictObject({
  applications_open: z.boolean({ error: "applications_open must be true or false" }).optional(),
  auto_approve: z.boolean({ error: "auto_approve must be true or false" }).optional(),
  terms_url: z
    .string()
    .trim()
    .max(2048)
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "terms_url must be an http(s) URL")
    .nullable()
    .optional(),
  application_campaign_ids: z.array(z.string().min(1).max(100)).max(100, "application_campaign_ids takes at most 100 campaigns").optional(),
})
export type AdminUpdateProgramSettingsType = z.infer<typeof AdminUpdateProgramSettings>
