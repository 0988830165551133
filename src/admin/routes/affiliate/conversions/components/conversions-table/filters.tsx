import { useMemo } from "react"
import {
  capitalized,
  choicesFilter,
  liveOrTestFilter,
  sourceFilter,
  useCreatedAtFilter,
  useNamedFilter,
} from "../../../../../hooks/use-table-filters"

const statusFilter = choicesFilter("status", "Status", capitalized(["pending", "approved", "rejected", "paid", "reversed"]))

export function useConversionTableFilters() {
  const campaign = useNamedFilter("campaign_id")
  const affiliate = useNamedFilter("affiliate_id")
  const date = useCreatedAtFilter()
  return useMemo(
    () => [campaign, affiliate, statusFilter, sourceFilter, liveOrTestFilter, date],
    [campaign, affiliate, date]
  )
}
