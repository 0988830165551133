import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { useCallback, useState } from "react"
import type { AdminApplication } from "../../../../types/http"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { ApplicationsTable } from "./components/applications-table/applications-table"
import { ProgramSettings } from "./components/program-settings"
import { ReviewDrawer } from "./components/review-drawer"

/** The partner program: its settings, and the applications queue (approve with a code, or reject with a reason). */
const ApplicationsPage = () => {
  const [open, setOpen] = useState<AdminApplication | null>(null)
  const onReview = useCallback((a: AdminApplication) => setOpen(a), [])
  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <ProgramSettings />
      <Container className="overflow-hidden p-0">
        <ApplicationsTable onReview={onReview} />
      </Container>
      {open && <ReviewDrawer key={open.id} application={open} onClose={() => setOpen(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Applications", rank: 2 })

export default ApplicationsPage
