import { useMemo } from "react"
import { choicesFilter, useNamedFilter } from "../../../../../hooks/use-table-filters"

const statusFilter = choicesFilter("status", "Status", { open: "Open", paid: "Paid" })

export function usePayoutTableFilters() {
  const affiliate = useNamedFilter("affiliate_id")
  return useMemo(() => [affiliate, statusFilter], [affiliate])
}
