import { z } from "@medusajs/framework/zod"
import { stripUnstorableText } from "../../../../lib/unstorable-text"

/**
 * A value a shopper's link may carry in any shape: anything but text (a repeated or nested
 * parameter) is ignored, characters PostgreSQL cannot store (a NUL, an unpaired surrogate) are
 * dropped and text is cut to `max` characters, because a shopper following a link is never shown
 * an error for it.
 */
const lenientText = (max: number) =>
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => (value ? stripUnstorableText(value).slice(0, max) || null : null))

const sub = (n: number) => lenientText(255).describe(`Free text kept with the click (sub${n}), cut to 255 characters.`)

/**
 * The affiliate link's query. Only a missing or empty `aff` is refused (400). Characters that
 * cannot be stored are dropped from `aff` too: no affiliate code holds one (codes are
 * `[A-Za-z0-9_-]`), so what remains is looked up like any code, and an unknown one is a 404.
 */
export const AffiliateLinkQuery = z.object({
  aff: z
    .string()
    .transform((code) => stripUnstorableText(code).slice(0, 255))
    .pipe(z.string().min(1))
    .describe("The affiliate's code."),
  sub1: sub(1),
  sub2: sub(2),
  sub3: sub(3),
  sub4: sub(4),
  sub5: sub(5),
  url: lenientText(2048).describe(
    "A deep link, followed only when it is on the target URL's origin or on a host the campaign allows; anything else lands on the target URL."
  ),
})
export type AffiliateLinkQueryType = z.output<typeof AffiliateLinkQuery>

/** The body of the link's 400 and 404 answers. */
export const AffiliateLinkRefusal = z.object({ message: z.string() })
