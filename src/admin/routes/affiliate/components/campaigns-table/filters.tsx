import { createDataTableFilterHelper } from "@medusajs/ui"
import type { AdminCampaign } from "../../../../../types/http"
import { CAMPAIGN_TYPE_LABELS } from "../../../../lib/format"

const filterHelper = createDataTableFilterHelper<AdminCampaign>()

export const campaignTableFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    searchable: false,
    options: [
      { label: "Active", value: "active" },
      { label: "Paused", value: "paused" },
      { label: "Archived", value: "archived" },
    ],
  }),
  filterHelper.accessor("type", {
    type: "multiselect",
    label: "Type",
    searchable: false,
    options: Object.entries(CAMPAIGN_TYPE_LABELS).map(([value, label]) => ({ label, value })),
  }),
]
