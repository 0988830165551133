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
}

/** Orders attributed to affiliates, newest first; pending live ones can be approved or rejected. */
export const ConversionsTable = ({ onApprove, onReject, reviewing }: ConversionsTableProps) => {
  const query = useConversionTableQuery({ pageSize: PAGE_SIZE })
  const conversions = useConversions(query)
  const columns = useConversionTableColumns({ onApprove, onReject, reviewing })
  const filters = useConversionTableFilters()
  // The export takes the list's filters, without its page.
  const { limit: _limit, offset: _offset, ...exportFilters } = query
  return (
    <DataTable
      heading="Conversions"
      headingLevel="h1"
      subHeading="Orders attributed to affiliates. Approve or reject pending live conversions."
      data={conversions.data?.conversions}
      count={conversions.data?.count}
      countType={conversions.data?.count_type}
      columns={columns}
      filters={filters}
      pageSize={PAGE_SIZE}
      query={conversions}
      actions={<ExportButton href={exportUrl("/admin/affiliate/conversions/export", exportFilters)} />}
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
