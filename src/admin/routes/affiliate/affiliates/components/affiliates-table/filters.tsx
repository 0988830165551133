import { capitalized, choicesFilter } from "../../../../../hooks/use-table-filters"

export const affiliateTableFilters = [choicesFilter("status", "Status", capitalized(["active", "paused"]))]
