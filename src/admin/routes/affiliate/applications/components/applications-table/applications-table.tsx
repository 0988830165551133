import type { AdminApplication } from "../../../../../../types/http"
import { DataTable } from "../../../../../components/data-table"
import { useApplications } from "../../../../../hooks/api/applications"
import { useApplicationTableColumns } from "./columns"
import { useApplicationTableFilters } from "./filters"
import { useApplicationTableQuery } from "./query"

const PAGE_SIZE = 20

/** Applications, newest first: the queue (confirmed emails) by default, any status by filter. */
export const ApplicationsTable = ({ onReview }: { onReview: (a: AdminApplication) => void }) => {
  const query = useApplicationTableQuery({ pageSize: PAGE_SIZE })
  const applications = useApplications(query)
  const columns = useApplicationTableColumns({ onReview })
  const filters = useApplicationTableFilters()
  return (
    <DataTable
      heading="Applications"
      subHeading="People who applied on the application page and confirmed their email."
      data={applications.data?.applications}
      count={applications.data?.count}
      columns={columns}
      filters={filters}
      searchLabel="Search applications by name or email"
      pageSize={PAGE_SIZE}
      query={applications}
      emptyState={{
        empty: { heading: "No application waiting", description: "Open applications in the settings above and share the application page." },
        filtered: { heading: "No application matches these filters", description: "Try another status." },
      }}
    />
  )
}
