import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { ProgramSettings } from "../../../modules/affiliate/types"

export type SaveProgramSettingsInput = Partial<Omit<ProgramSettings, "id">>
type Undo = { created_id: string | null; previous: ProgramSettings | null }

/** The campaigns named for approved partners must exist. Reads only. */
export const validateProgramSettingsStep = createStep(
  "validate-affiliate-program-settings",
  async (input: SaveProgramSettingsInput, { container, context }) => {
    if (input.application_campaign_ids?.length) {
      const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
      const found = await service.listAffiliateCampaigns({ id: input.application_campaign_ids }, { select: ["id"] }, context)
      const missing = input.application_campaign_ids.filter((id) => !found.some((c) => c.id === id))
      if (missing.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `application_campaign_ids: no campaign ${missing.join(", ")}`)
    }
    return new StepResponse(undefined)
  }
)

/**
 * Saves the program settings (the one row, made on the first save). The compensation puts back
 * what was stored, or removes the row it made.
 */
export const saveProgramSettingsStep = createStep(
  "save-affiliate-program-settings",
  async (input: SaveProgramSettingsInput, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const current = await service.retrieveProgramSettings(context)
    if (!current.id) {
      const created = await service.createAffiliateProgramSettings(input, context)
      return new StepResponse<typeof created, Undo>(created, { created_id: created.id, previous: null })
    }
    const { id, ...previous } = current
    const updated = await service.updateAffiliateProgramSettings({ id, ...input }, context)
    return new StepResponse<typeof updated, Undo>(updated, { created_id: null, previous: { id, ...previous } })
  },
  async (undo, { container, context }) => {
    if (!undo) return
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (undo.created_id) await service.deleteAffiliateProgramSettings(undo.created_id, context)
    else if (undo.previous) await service.updateAffiliateProgramSettings(undo.previous as any, context)
  }
)
