import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { HONEYPOT_FIELD } from "../../../lib/partner-pages"
import { isForm } from "../portal/partner"

const text = (field: string, max: number) =>
  z.string({ error: `${field} is required` }).trim().min(1, `${field} is required`).max(max, `${field} must be at most ${max} characters`)

/** `POST /affiliate/apply`, as JSON or as the page's form (`accept_terms` is then the checkbox's "true"). */
export const ApplyBody = z.object({
  name: text("name", 255),
  email: z.string({ error: "email is required" }).trim().toLowerCase().max(320).pipe(z.email("email must be a valid email address")),
  website: z
    .string()
    .trim()
    .max(2048, "website must be at most 2048 characters")
    .refine((v) => v === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), "website must be an http(s) address, e.g. https://example.com")
    .transform((v) => v || null)
    .nullable()
    .optional(),
  promotion_plan: text("promotion_plan", 2000),
  accept_terms: z.preprocess((v) => v === "true" || v === "on" || v === true, z.literal(true, { error: "accept_terms must be true: accept the program terms" })),
  [HONEYPOT_FIELD]: z.string().max(500).optional(),
})
export type ApplyBodyType = z.infer<typeof ApplyBody>

/** What a form post's route re-renders: the messages, and the values as typed. */
export type FormProblem = { errors: string[]; values: Record<string, string> }

/**
 * Validates a partner form or JSON body against `schema`: JSON answers 400 naming the fields (as
 * Medusa's validators do); a form post keeps the messages for the route, which shows the form
 * again with what was typed.
 */
export function validatePartnerBody(schema: z.ZodType) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.body ?? {})
    if (parsed.success) {
      req.validatedBody = parsed.data
      return next()
    }
    const errors = parsed.error.issues.map((i) => i.message)
    if (!isForm(req)) throw new MedusaError(MedusaError.Types.INVALID_DATA, errors.join("; "))
    const values = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : ""]))
    ;(req as MedusaRequest & { formProblem?: FormProblem }).formProblem = { errors, values }
    next()
  }
}

export const formProblem = (req: MedusaRequest) => (req as MedusaRequest & { formProblem?: FormProblem }).formProblem
