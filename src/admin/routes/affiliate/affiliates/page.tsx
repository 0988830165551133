import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { useCallback, useState } from "react"
import type { AdminAffiliate } from "../../../../types/http"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { AffiliateDrawer } from "./components/affiliate-drawer"
import { AffiliatesTable } from "./components/affiliates-table/affiliates-table"

/** The partners, each with a tracking link per campaign (in the drawer). */
const AffiliatesPage = () => {
  const [drawer, setDrawer] = useState<{ id?: string } | null>(null)
  const onEdit = useCallback((a: AdminAffiliate) => setDrawer({ id: a.id }), [])
  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="overflow-hidden p-0">
        <AffiliatesTable onCreate={() => setDrawer({})} onEdit={onEdit} />
      </Container>
      {drawer && <AffiliateDrawer key={drawer.id ?? "new"} id={drawer.id} open onClose={() => setDrawer(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Affiliates", rank: 1 })

export default AffiliatesPage
