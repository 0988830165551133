import { choicesFilter } from "../../../../../hooks/use-table-filters"

export const APPLICATION_STATUS_LABELS = {
  pending: "In the queue",
  pending_confirmation: "Email not confirmed",
  approved: "Approved",
  rejected: "Rejected",
}

const statusFilter = choicesFilter("status", "Status", APPLICATION_STATUS_LABELS)

export function useApplicationTableFilters() {
  return [statusFilter]
}
