import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminRequestLogEntry } from "../../../../../../types/http"
import {
  capitalized,
  choicesFilter,
  liveOrTestFilter,
  sourceFilter,
  useCreatedAtFilter,
  useNamedFilter,
} from "../../../../../hooks/use-table-filters"

const outcomeFilter = choicesFilter("outcome", "Outcome", capitalized(["success", "duplicate", "skipped", "error"]))

const orderIdFilter = createDataTableFilterHelper<AdminRequestLogEntry>().accessor("order_id", {
  type: "string",
  label: "Order ID",
  placeholder: "ORDER-1001",
})

export function useRequestLogTableFilters() {
  const campaign = useNamedFilter("campaign_id")
  const date = useCreatedAtFilter()
  return useMemo(
    () => [outcomeFilter, sourceFilter, campaign, liveOrTestFilter, orderIdFilter, date],
    [campaign, date]
  )
}
