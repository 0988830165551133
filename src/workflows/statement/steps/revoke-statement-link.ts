import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const revokeStatementLinkStepId = "revoke-affiliate-statement-link"

/** Ends the affiliate's statement link (its page answers 404 from now on); the compensation brings it back. */
export const revokeStatementLinkStep = createStep(
  revokeStatementLinkStepId,
  async ({ affiliate_id }: { affiliate_id: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const revoked = await service.revokeStatementLink(affiliate_id, context)
    return new StepResponse({ revoked: revoked.length > 0 }, { revoked_ids: revoked })
  },
  async (undo, { container, context }) => {
    if (!undo) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreStatementLinks(undo, context)
  }
)
