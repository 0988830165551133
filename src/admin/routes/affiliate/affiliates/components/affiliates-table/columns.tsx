import { PencilSquare } from "@medusajs/icons"
import { Button, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import type { AdminAffiliate } from "../../../../../../types/http"
import { AffiliateStatusBadge } from "../../../../../components/badges"
import { formatDate } from "../../../../../lib/format"
import { actionsColumn } from "../../../../../components/actions-column"

const columnHelper = createDataTableColumnHelper<AdminAffiliate>()

export function useAffiliateTableColumns({ onEdit }: { onEdit: (affiliate: AdminAffiliate) => void }) {
  return useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Name",
        cell: ({ row }) => (
          <Link to={`/affiliate/affiliates/${row.original.id}`} className="text-ui-fg-interactive hover:underline">
            {row.original.name}
          </Link>
        ),
      }),
      columnHelper.accessor("code", {
        header: "Code",
        cell: ({ getValue }) => <code className="font-mono">{getValue()}</code>,
      }),
      columnHelper.accessor("email", { header: "Email" }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <AffiliateStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("created_at", { header: "Created", cell: ({ getValue }) => formatDate(getValue()) }),
      actionsColumn<AdminAffiliate>((r) => (
        <Button size="small" variant="transparent" onClick={() => onEdit(r)}>
          <PencilSquare />
          Edit & links
        </Button>
      )),
    ],
    [onEdit]
  )
}
