import { DataTable } from "../../../../../components/data-table"
import { useRequestLog } from "../../../../../hooks/api/request-log"
import { useRequestLogTableColumns } from "./columns"
import { useRequestLogTableFilters } from "./filters"
import { useRequestLogTableQuery } from "./query"

const PAGE_SIZE = 50

/** Every S2S call and order decision with its outcome and reason: "why didn't it fire?". */
export const RequestLogTable = () => {
  const query = useRequestLogTableQuery({ pageSize: PAGE_SIZE })
  const requests = useRequestLog(query)
  const columns = useRequestLogTableColumns()
  const filters = useRequestLogTableFilters()
  return (
    <DataTable
      heading="Request log"
      headingLevel="h1"
      subHeading="Every S2S call and every order decision, with its outcome and reason."
      data={requests.data?.requests}
      count={requests.data?.count}
      countType={requests.data?.count_type}
      columns={columns}
      filters={filters}
      pageSize={PAGE_SIZE}
      query={requests}
      layout="fixed"
      emptyState={{
        empty: { heading: "No requests logged yet", description: "Calls to the S2S endpoint and order decisions appear here." },
        filtered: { heading: "No request matches these filters", description: "Try other filters." },
      }}
    />
  )
}
