import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { ProgramSettings } from "../../../../modules/affiliate/types"
import type { AdminProgramSettingsResponse } from "../../../../types/http"
import { saveProgramSettingsWorkflow } from "../../../../workflows/partners/workflows/save-program-settings"
import type { AdminUpdateProgramSettingsType } from "./validators"

const answer = ({ id: _, ...settings }: ProgramSettings): AdminProgramSettingsResponse => ({ settings })

/** GET /admin/affiliate/settings: the partner program's settings (applications closed until saved open). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminProgramSettingsResponse>) => {
  res.json(answer(await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).retrieveProgramSettings()))
}

/** POST /admin/affiliate/settings: a partial update. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateProgramSettingsType>, res: MedusaResponse<AdminProgramSettingsResponse>) => {
  await saveProgramSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json(answer(await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).retrieveProgramSettings()))
}
