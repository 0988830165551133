import { createDataTableFilterHelper, DataTableFilter } from "@medusajs/ui"
import { useMemo } from "react"
import { capitalize } from "../lib/format"
import { useAffiliateNames, useCampaignNames } from "./use-names"

/*
 * Filters the list tables share. Each table's filters.tsx picks the ones it needs; the ids are the
 * API's query parameters, which the table's query.ts reads back.
 */

const filterHelper = createDataTableFilterHelper<any>()
const DAY_MS = 24 * 60 * 60 * 1000

/** A filter on a few fixed values (statuses, outcomes, types), any of which may be ticked. */
export function choicesFilter(id: string, label: string, choices: Record<string, string>): DataTableFilter {
  const options = Object.entries(choices).map(([value, text]) => ({ label: text, value }))
  return filterHelper.accessor(id, { type: "multiselect", label, searchable: false, options })
}

/** `["pending", "paid"]` as the choices "Pending" and "Paid". */
export const capitalized = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, capitalize(v)]))

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

const NAMED = {
  campaign_id: { label: "Campaign", useNames: useCampaignNames },
  affiliate_id: { label: "Affiliate", useNames: useAffiliateNames },
}

/** "Campaign" or "Affiliate": one or several, searchable by name. `id` must not change. */
export function useNamedFilter(id: keyof typeof NAMED): DataTableFilter {
  const { label, useNames } = NAMED[id]
  const names = useNames()
  return useMemo(() => {
    const options = [...names].map(([value, name]) => ({ label: name, value }))
    return filterHelper.accessor(id, { type: "select", label, options })
  }, [id, label, names])
}
