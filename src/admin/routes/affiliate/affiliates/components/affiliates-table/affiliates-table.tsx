import { Plus } from "@medusajs/icons"
import { Button } from "@medusajs/ui"
import type { AdminAffiliate } from "../../../../../../types/http"
import { DataTable } from "../../../../../components/data-table"
import { useAffiliates } from "../../../../../hooks/api/affiliates"
import { useAffiliateTableColumns } from "./columns"
import { affiliateTableFilters } from "./filters"
import { useAffiliateTableQuery } from "./query"

const PAGE_SIZE = 20

/** The affiliates, searchable by code, name or email; "Create" and "Edit & links" open the drawer. */
export const AffiliatesTable = ({ onCreate, onEdit }: { onCreate: () => void; onEdit: (affiliate: AdminAffiliate) => void }) => {
  const query = useAffiliateTableQuery({ pageSize: PAGE_SIZE })
  const affiliates = useAffiliates(query)
  const columns = useAffiliateTableColumns({ onEdit })
  return (
    <DataTable
      heading="Affiliates"
      headingLevel="h1"
      subHeading="Partners who promote your campaigns, with a tracking link per campaign."
      data={affiliates.data?.affiliates}
      count={affiliates.data?.count}
      columns={columns}
      filters={affiliateTableFilters}
      pageSize={PAGE_SIZE}
      query={affiliates}
      searchLabel="Search affiliates"
      actions={
        <Button size="small" variant="secondary" onClick={onCreate}>
          <Plus />
          Create
        </Button>
      }
      emptyState={{
        empty: { heading: "No affiliates yet", description: "Create one to get its tracking links." },
        filtered: { heading: "No affiliate matches", description: "Try another search." },
      }}
    />
  )
}
