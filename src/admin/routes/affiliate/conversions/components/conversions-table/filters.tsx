import { useMemo } from "react"
import { createDataTableFilterHelper } from "@medusajs/ui"
import {
  capitalized,
  choicesFilter,
  liveOrTestFilter,
  useCreatedAtFilter,
  useNamedFilter,
} from "../../../../../hooks/use-table-filters"

/** "Source": the S2S API, the store path by click, or an affiliate's promotion code. */
const sourceFilter = createDataTableFilterHelper<any>().accessor("source", {
  type: "radio",
  label: "Source",
  options: [
    { label: "S2S API", value: "s2s" },
    { label: "Store (click)", value: "store" },
    { label: "Promotion code", value: "coupon" },
  ],
})

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
