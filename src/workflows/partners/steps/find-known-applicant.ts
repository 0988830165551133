import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { likeLiteral } from "../../../modules/affiliate/utils/like-pattern"

/**
 * Whether the email already belongs to an affiliate or to an application still open or approved.
 * The applicant's answer is the same either way (no account enumeration): only the mail differs.
 * Reads only: nothing to compensate.
 */
export const findKnownApplicantStep = createStep("find-known-affiliate-applicant", async ({ email }: { email: string }, { container, context }) => {
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  // Case-insensitive and exact: LIKE's wildcards in the address are escaped.
  const exactly = { $ilike: likeLiteral(email) } as any
  const [affiliates, applications] = await Promise.all([
    service.listAffiliates({ email: exactly }, { select: ["id"], take: 1 }, context),
    service.listAffiliateApplications({ email: exactly, status: ["pending", "approved"] }, { select: ["id"], take: 1 }, context),
  ])
  return new StepResponse({ known: affiliates.length > 0 || applications.length > 0 })
})
