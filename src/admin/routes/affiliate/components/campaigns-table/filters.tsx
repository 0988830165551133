import { capitalized, choicesFilter } from "../../../../hooks/use-table-filters"
import { CAMPAIGN_TYPE_LABELS } from "../../../../lib/format"

export const campaignTableFilters = [
  choicesFilter("status", "Status", capitalized(["active", "paused", "archived"])),
  choicesFilter("type", "Type", CAMPAIGN_TYPE_LABELS),
]
