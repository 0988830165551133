import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminConversion } from "../../../../../../types/http"
import {
  liveOrTestFilter,
  sourceFilter,
  useAffiliateFilter,
  useCampaignFilter,
  useCreatedAtFilter,
} from "../../../../../hooks/use-table-filters"

const filterHelper = createDataTableFilterHelper<AdminConversion>()

const statusFilter = filterHelper.accessor("status", {
  type: "multiselect",
  label: "Status",
  searchable: false,
  options: ["pending", "approved", "rejected", "paid", "reversed"].map((s) => ({
    label: s.charAt(0).toUpperCase() + s.slice(1),
    value: s,
  })),
})

export function useConversionTableFilters() {
  const campaign = useCampaignFilter()
  const affiliate = useAffiliateFilter()
  const date = useCreatedAtFilter()
  return useMemo(
    () => [campaign, affiliate, statusFilter, sourceFilter, liveOrTestFilter, date],
    [campaign, affiliate, date]
  )
}
