import type { AdminPayout } from "../../../../../../types/http"
import { DataTable } from "../../../../../components/data-table"
import { usePayouts } from "../../../../../hooks/api/payouts"
import { usePayoutTableColumns } from "./columns"
import { usePayoutTableFilters } from "./filters"
import { usePayoutTableQuery } from "./query"

const PAGE_SIZE = 20

/** Payouts, newest first, filtered by affiliate and status; each opens its lines. */
export const PayoutsTable = ({ onOpen }: { onOpen: (payout: AdminPayout) => void }) => {
  const query = usePayoutTableQuery({ pageSize: PAGE_SIZE })
  const payouts = usePayouts(query)
  const columns = usePayoutTableColumns({ onOpen })
  const filters = usePayoutTableFilters()
  return (
    <DataTable
      heading="Payouts"
      subHeading="Each pays one affiliate in one currency; its amount is the sum of its lines."
      data={payouts.data?.payouts}
      count={payouts.data?.count}
      columns={columns}
      filters={filters}
      pageSize={PAGE_SIZE}
      query={payouts}
      emptyState={{
        empty: { heading: "No payouts yet", description: "Create payouts from the balances above." },
        filtered: { heading: "No payout matches these filters", description: "Try other filters." },
      }}
    />
  )
}
