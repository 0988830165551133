import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminRequestLogEntry } from "../../../../../../types/http"
import { liveOrTestFilter, sourceFilter, useCampaignFilter, useCreatedAtFilter } from "../../../../../hooks/use-table-filters"

const filterHelper = createDataTableFilterHelper<AdminRequestLogEntry>()

const outcomeFilter = filterHelper.accessor("outcome", {
  type: "multiselect",
  label: "Outcome",
  searchable: false,
  options: ["success", "duplicate", "skipped", "error"].map((o) => ({
    label: o.charAt(0).toUpperCase() + o.slice(1),
    value: o,
  })),
})

const orderIdFilter = filterHelper.accessor("order_id", {
  type: "string",
  label: "Order ID",
  placeholder: "ORDER-1001",
})

export function useRequestLogTableFilters() {
  const campaign = useCampaignFilter()
  const date = useCreatedAtFilter()
  return useMemo(
    () => [outcomeFilter, sourceFilter, campaign, liveOrTestFilter, orderIdFilter, date],
    [campaign, date]
  )
}
