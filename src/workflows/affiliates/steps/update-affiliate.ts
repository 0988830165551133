import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AffiliateRecord } from "../../../modules/affiliate/types"
import type { CreateAffiliateInput } from "./create-affiliate"

export type UpdateAffiliateInput = { id: string } & Partial<CreateAffiliateInput>

export const updateAffiliateStepId = "update-affiliate"

/** Updates one affiliate; the compensation puts back the previous values of the fields it changed. */
export const updateAffiliateStep = createStep(
  updateAffiliateStepId,
  async ({ id, ...data }: UpdateAffiliateInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const fields = Object.keys(data) as (keyof typeof data)[]
    const previous = await service.retrieveAffiliate(id, { select: ["id", ...fields] }, context)
    const affiliate = await service.updateAffiliates({ id, ...data }, context)
    const restore = Object.fromEntries(fields.map((f) => [f, previous[f]]))
    return new StepResponse<AffiliateRecord, Record<string, unknown> & { id: string }>(affiliate, { id, ...restore })
  },
  async (previous, { container, context }) => {
    if (!previous) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).updateAffiliates(previous, context)
  }
)
