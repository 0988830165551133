import { PencilSquare } from "@medusajs/icons"
import { Button, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminAffiliate } from "../../../../../../types/http"
import { AffiliateStatusBadge } from "../../../../../components/badges"
import { formatDate } from "../../../../../lib/format"

const columnHelper = createDataTableColumnHelper<AdminAffiliate>()

export function useAffiliateTableColumns({ onEdit }: { onEdit: (affiliate: AdminAffiliate) => void }) {
  return useMemo(
    () => [
      columnHelper.accessor("name", { header: "Name" }),
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
      columnHelper.accessor("id", {
        id: "actions",
        header: "Actions",
        align: "right",
        truncateTooltip: false,
        cell: ({ row }) => (
          <Button size="small" variant="transparent" onClick={() => onEdit(row.original)}>
            <PencilSquare />
            Edit & links
          </Button>
        ),
      }),
    ],
    [onEdit]
  )
}
