import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sealOutboundKey } from "../../../modules/affiliate/utils/outbound"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { CampaignRecord } from "../../../modules/affiliate/types"
import type { CreateCampaignInput, StoredShapes } from "./create-campaign"

export type UpdateCampaignInput = { id: string } & Partial<CreateCampaignInput>

export const updateCampaignStepId = "update-affiliate-campaign"

/** Updates one campaign; the compensation puts back the previous values of the fields it changed. */
export const updateCampaignStep = createStep(
  updateCampaignStepId,
  async ({ id, ...input }: UpdateCampaignInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const data = sealOutboundKey(input, (plain) => service.encryptSecret(plain))
    const fields = Object.keys(data) as (keyof typeof data)[]
    const previous = (await service.retrieveAffiliateCampaign(id, {
      select: ["id", ...fields, ...(fields.includes("commission_value") ? ["raw_commission_value"] : [])],
    }, context)) as Record<string, any>
    const restore: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, previous[f]]))
    if ("commission_value" in restore) {
      // The exact decimal, not the number the getter rounds it to.
      restore.commission_value = previous.raw_commission_value?.value ?? previous.commission_value
    }
    const campaign = await service.updateAffiliateCampaigns({ id, ...data } as { id: string } & Partial<StoredShapes>, context)
    return new StepResponse<CampaignRecord, Record<string, unknown> & { id: string }>(campaign, { id, ...restore })
  },
  async (previous, { container, context }) => {
    if (!previous) return
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    await service.updateAffiliateCampaigns(previous as { id: string }, context)
  }
)
