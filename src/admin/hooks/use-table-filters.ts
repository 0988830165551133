import { createDataTableFilterHelper, DataTableFilter } from "@medusajs/ui"
import { useMemo } from "react"
import { useAffiliateNames, useCampaignNames } from "./use-names"

/*
 * Filters several tables share. Each table's filters.tsx picks the ones it needs; the ids are the
 * API's query parameters, which its query.ts reads back.
 */

const filterHelper = createDataTableFilterHelper<any>()
const DAY_MS = 24 * 60 * 60 * 1000

const options = (names: Map<string, string>) => [...names].map(([value, label]) => ({ label, value }))

/** "Date": today, the last 7, 30 or 90 days, or a custom range (From, To). */
export function useCreatedAtFilter(): DataTableFilter {
  return useMemo(() => {
    const today = new Date()
    today.setHours(0, 0, 0, 0)
    const since = (days: number) => ({ $gte: new Date(today.getTime() - days * DAY_MS).toISOString() })
    return filterHelper.accessor("created_at", {
      type: "date",
      label: "Date",
      format: "date",
      rangeOptionLabel: "Custom",
      rangeOptionStartLabel: "From",
      rangeOptionEndLabel: "To",
      options: [
        { label: "Today", value: since(0) },
        { label: "Last 7 days", value: since(7) },
        { label: "Last 30 days", value: since(30) },
        { label: "Last 90 days", value: since(90) },
      ],
    })
  }, [])
}

/** "Campaign": one or several campaigns, searchable by name. */
export function useCampaignFilter(): DataTableFilter {
  const names = useCampaignNames()
  return useMemo(
    () => filterHelper.accessor("campaign_id", { type: "select", label: "Campaign", options: options(names) }),
    [names]
  )
}

/** "Affiliate": one or several affiliates, searchable by name. */
export function useAffiliateFilter(): DataTableFilter {
  const names = useAffiliateNames()
  return useMemo(
    () => filterHelper.accessor("affiliate_id", { type: "select", label: "Affiliate", options: options(names) }),
    [names]
  )
}

/** "Source": the S2S API or the Medusa store path. */
export const sourceFilter = filterHelper.accessor("source", {
  type: "radio",
  label: "Source",
  options: [
    { label: "S2S API", value: "s2s" },
    { label: "Store", value: "store" },
  ],
})

/** "Live or test": test conversions and calls are kept apart from live ones. */
export const liveOrTestFilter = filterHelper.accessor("is_test", {
  type: "radio",
  label: "Live or test",
  options: [
    { label: "Live", value: "false" },
    { label: "Test", value: "true" },
  ],
})
