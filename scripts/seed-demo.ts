// Run by `npm run demo` through `medusa exec`: makes sure the demo campaign and affiliate exist
// and writes what the demo prints (key, handle, code) to .demo-data/demo.json.
import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../src/modules/affiliate"
import type AffiliateModuleService from "../src/modules/affiliate/service"
import { createCampaignWorkflow } from "../src/workflows/campaigns/workflows/create-campaign"

const HANDLE = "demo-campaign"
const CODE = "demo-partner"

export default async function seedDemo({ container }: ExecArgs) {
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  let [campaign] = await service.listAffiliateCampaigns({ handle: HANDLE })
  if (!campaign) {
    const { result } = await createCampaignWorkflow(container).run({
      input: {
        name: "Demo Campaign",
        handle: HANDLE,
        type: "link",
        tool_type: "sale",
        target_url: process.env.DEMO_TARGET_URL || "http://localhost:8000/",
        commission_type: "percentage",
        commission_value: 10,
        attribution_window_days: 30,
      },
    })
    campaign = result
  }
  if (!(await service.listAffiliates({ code: CODE })).length) {
    await service.createAffiliates({ code: CODE, name: "Demo Partner", email: "partner@example.com" })
  }
  const apiKey = (await service.revealApiKey(campaign.id))?.api_key
  writeFileSync(
    process.env.DEMO_OUTPUT || ".demo-data/demo.json",
    JSON.stringify({ campaign_id: campaign.id, handle: HANDLE, affiliate_code: CODE, api_key: apiKey }, null, 2)
  )
}
