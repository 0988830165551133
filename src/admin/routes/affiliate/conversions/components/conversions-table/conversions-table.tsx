import { Button, type DataTableRowSelectionState } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminConversion } from "../../../../../../types/http"
import { DataTable } from "../../../../../components/data-table"
import { ExportButton } from "../../../../../components/export-button"
import { exportUrl } from "../../../../../lib/export-url"
import { useConversions } from "../../../../../hooks/api/conversions"
import { useConversionTableColumns } from "./columns"
import { useConversionTableFilters } from "./filters"
import { useConversionTableQuery } from "./query"

const PAGE_SIZE = 20

type ConversionsTableProps = {
  onApprove: (conversion: AdminConversion) => void
  onReject: (conversion: AdminConversion) => void
  reviewing: boolean
  /** The selected conversions by id; a selection may span pages and filters. */
  selected: Record<string, AdminConversion>
  onSelect: (selected: Record<string, AdminConversion>) => void
  onBulkReview: (status: "approved" | "rejected") => void
  onValidateCsv: () => void
}

/**
 * Orders attributed to affiliates, newest first: open one for its items and history; approve or
 * reject pending live ones, or select rows (of any campaign) and approve or reject them at once.
 */
export const ConversionsTable = ({ onApprove, onReject, reviewing, selected, onSelect, onBulkReview, onValidateCsv }: ConversionsTableProps) => {
  const query = useConversionTableQuery({ pageSize: PAGE_SIZE })
  const conversions = useConversions(query)
  const columns = useConversionTableColumns({ onApprove, onReject, reviewing })
  const filters = useConversionTableFilters()
  // The export takes the list's filters, without its page.
  const { limit: _limit, offset: _offset, ...exportFilters } = query
  const rows = conversions.data?.conversions
  const selection = useMemo(
    () => ({
      state: Object.fromEntries(Object.keys(selected).map((id) => [id, true])),
      // Rows selected on other pages are not in this page's data: keep what is known of them.
      onChange: (state: DataTableRowSelectionState) => {
        const next: Record<string, AdminConversion> = {}
        for (const [id, on] of Object.entries(state)) {
          const row = selected[id] ?? rows?.find((r) => r.id === id)
          if (on && row) next[id] = row
        }
        onSelect(next)
      },
      commands: [
        { label: "Approve", shortcut: "a", action: () => onBulkReview("approved") },
        { label: "Reject", shortcut: "r", action: () => onBulkReview("rejected") },
      ],
    }),
    [selected, rows, onSelect, onBulkReview]
  )
  return (
    <DataTable
      heading="Conversions"
      headingLevel="h1"
      subHeading="Orders attributed to affiliates. Open one for its items and history; select rows to approve or reject them together."
      data={rows}
      count={conversions.data?.count}
      countType={conversions.data?.count_type}
      columns={columns}
      filters={filters}
      pageSize={PAGE_SIZE}
      query={conversions}
      selection={selection}
      actions={
        <>
          <Button size="small" variant="secondary" onClick={onValidateCsv}>
            Validate from CSV
          </Button>
          <ExportButton href={exportUrl("/admin/affiliate/conversions/export", exportFilters)} />
        </>
      }
      emptyState={{
        empty: {
          heading: "No conversions yet",
          description: "They appear when a shop reports an order through the S2S endpoint or an attributed order is placed.",
        },
        filtered: { heading: "No conversion matches these filters", description: "Try other filters." },
      }}
    />
  )
}
