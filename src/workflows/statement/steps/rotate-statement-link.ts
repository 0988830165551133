import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export const rotateStatementLinkStepId = "rotate-affiliate-statement-link"

/**
 * Starts the affiliate's statement link for a token hash, ending the one before. Only the hash
 * reaches the workflow: the token itself is made and shown by the route, and never stored. The
 * compensation removes the new link and brings the old one back.
 */
export const rotateStatementLinkStep = createStep(
  rotateStatementLinkStepId,
  async ({ affiliate_id, token_hash }: { affiliate_id: string; token_hash: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const rotated = await service.rotateStatementLink(affiliate_id, token_hash, context)
    return new StepResponse({ id: rotated.id }, { created_id: rotated.id, revoked_ids: rotated.revoked_ids })
  },
  async (undo, { container, context }) => {
    if (!undo) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreStatementLinks(undo, context)
  }
)
