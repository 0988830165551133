import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { useCallback, useState } from "react"
import { useSearchParams } from "react-router-dom"
import type { AdminConversion } from "../../../../types/http"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { useConversionDecision } from "../../../hooks/use-conversion-decision"
import { BulkReviewDrawer } from "./components/bulk-review-drawer"
import { ConversionDrawer } from "./components/conversion-drawer"
import { ConversionsTable } from "./components/conversions-table/conversions-table"
import { ConversionsTabs } from "./components/conversions-tabs"
import { RejectConversionDrawer } from "./components/reject-conversion-drawer"
import { ValidateCsvDrawer } from "./components/validate-csv-drawer"

/**
 * Conversions with their filters. Open one for its items, rules and history; approve a pending live
 * one, or reject it with a reason; select several (of any campaign) to approve or reject them with
 * one reason; or validate a campaign's conversions from a CSV file, previewed before it applies.
 */
const ConversionsPage = () => {
  // The open conversion is in the address (`conversion=<id>`): a reload or a shared link reopens it.
  const [params, setParams] = useSearchParams()
  const open = params.get("conversion")
  const close = () =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        next.delete("conversion")
        return next
      },
      { replace: true }
    )
  const [selected, setSelected] = useState<Record<string, AdminConversion>>({})
  const [bulk, setBulk] = useState<{ status: "approved" | "rejected"; conversions: AdminConversion[] } | null>(null)
  const [csv, setCsv] = useState(false)
  const { approve, reject, rejecting, setRejecting, reviewing } = useConversionDecision()
  // The rows as selected now (the selection is cleared once they are reviewed); a command bar
  // shortcut pressed while the drawer is open changes nothing.
  const onBulkReview = useCallback(
    (status: "approved" | "rejected") => setBulk((open) => open ?? { status, conversions: Object.values(selected) }),
    [selected]
  )
  const onValidateCsv = useCallback(() => setCsv(true), [])

  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <ConversionsTabs />
      <Container className="overflow-hidden p-0">
        <ConversionsTable
          onApprove={approve}
          onReject={setRejecting}
          reviewing={reviewing}
          selected={selected}
          onSelect={setSelected}
          onBulkReview={onBulkReview}
          onValidateCsv={onValidateCsv}
        />
      </Container>
      <RejectConversionDrawer
        key={rejecting?.id ?? "none"}
        conversion={rejecting}
        onReject={reject}
        onClose={() => setRejecting(null)}
        rejecting={reviewing}
      />
      {open && <ConversionDrawer key={open} id={open} onClose={close} />}
      {bulk && (
        <BulkReviewDrawer status={bulk.status} conversions={bulk.conversions} onDone={() => setSelected({})} onClose={() => setBulk(null)} />
      )}
      {csv && <ValidateCsvDrawer onClose={() => setCsv(false)} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Conversions", rank: 2 })

export default ConversionsPage
