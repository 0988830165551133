import { createDataTableFilterHelper } from "@medusajs/ui"
import type { AdminAffiliate } from "../../../../../../types/http"

const filterHelper = createDataTableFilterHelper<AdminAffiliate>()

export const affiliateTableFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    searchable: false,
    options: [
      { label: "Active", value: "active" },
      { label: "Paused", value: "paused" },
    ],
  }),
]
