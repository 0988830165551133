import { defineRouteConfig } from "@medusajs/admin-sdk"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { ErasureSection } from "./components/erasure-section"
import { RetentionSection } from "./components/retention-section"

/** Privacy: what retention removes and when, and erasure on request. */
const PrivacyPage = () => (
  <div className="flex flex-col gap-y-3">
    <AffiliateNav />
    <RetentionSection />
    <ErasureSection />
  </div>
)

export const config = defineRouteConfig({ label: "Privacy", rank: 4 })

export default PrivacyPage
