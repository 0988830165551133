import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { useCallback, useState } from "react"
import type { AdminPayout } from "../../../../types/http"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { BalancesSection } from "./components/balances-section/balances-section"
import { PayoutDrawer } from "./components/payout-drawer"
import { PayoutsTable } from "./components/payouts-table/payouts-table"

/** Balances per affiliate and currency, payouts with their status, and a payout's lines. */
const PayoutsPage = () => {
  const [open, setOpen] = useState<string | null>(null)
  const onOpen = useCallback((p: AdminPayout) => setOpen(p.id), [])
  // A single new payout opens at once, ready to be marked paid.
  const onCreated = useCallback((ids: string[]) => ids.length === 1 && setOpen(ids[0]), [])
  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <BalancesSection onCreated={onCreated} />
      <Container className="overflow-hidden p-0">
        <PayoutsTable onOpen={onOpen} />
      </Container>
      {open && <PayoutDrawer key={open} id={open} onClose={() => setOpen(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Payouts", rank: 3 })

export default PayoutsPage
