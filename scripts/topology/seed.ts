// Run by `npm run test:topology` through `medusa exec`: the store (region, product, shipping,
// publishable key), a campaign that forwards conversions to the script's receiver, a second
// campaign for the rate-limit check, and an affiliate. Writes what the checks need as JSON.
import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { setupStore } from "../../integration-tests/helpers/store"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createCampaignWorkflow } from "../../src/workflows/campaigns/workflows/create-campaign"

export default async function seedTopology({ container }: ExecArgs) {
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const store = await setupStore(container)
  const campaign = async (handle: string, extra: Record<string, unknown> = {}) => {
    const { result } = await createCampaignWorkflow(container).run({
      input: { name: handle, handle, target_url: "http://localhost:8000/", commission_type: "percentage", commission_value: 10, ...extra } as never,
    })
    return { id: result.id, handle, api_key: (await service.revealApiKey(result.id))?.api_key }
  }
  const forwarding = await campaign("forwarding", { outbound_url: process.env.TOPOLOGY_RECEIVER_URL, outbound_method: "POST", outbound_api_key: "network-secret" })
  const limited = await campaign("limited")
  await service.createAffiliates({ code: "topology-partner", name: "Topology Partner", email: "partner@example.com" })
  writeFileSync(process.env.TOPOLOGY_OUTPUT!, JSON.stringify({ store, forwarding, limited, affiliate_code: "topology-partner" }, null, 2))
}
