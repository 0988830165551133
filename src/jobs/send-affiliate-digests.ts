import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { sendConversionDigestsWorkflow } from "../workflows/partners/workflows/notify-partners"

/** Every morning (06:00 UTC): yesterday's digest to each partner who chose one. */
export default async function sendAffiliateDigests(container: MedusaContainer) {
  const { publicUrl } = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  await sendConversionDigestsWorkflow(container).run({ input: { public_url: publicUrl } })
}

export const config = { name: "send-affiliate-digests", schedule: "0 6 * * *" }
