import { Badge, Button, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminApplication } from "../../../../../../types/http"
import { actionsColumn } from "../../../../../components/actions-column"
import { formatDate } from "../../../../../lib/format"
import { APPLICATION_STATUS_LABELS } from "./filters"

const columnHelper = createDataTableColumnHelper<AdminApplication>()
const COLORS = { pending: "orange", pending_confirmation: "grey", approved: "green", rejected: "red" } as const

/** React renders every value as text: an applicant's name or plan can never become markup here. */
export function useApplicationTableColumns({ onReview }: { onReview: (a: AdminApplication) => void }) {
  return useMemo(
    () => [
      columnHelper.accessor("created_at", { header: "Applied", cell: ({ getValue }) => formatDate(getValue()) }),
      columnHelper.accessor("name", { header: "Name" }),
      columnHelper.accessor("email", { header: "Email" }),
      columnHelper.accessor("website", { header: "Website", cell: ({ getValue }) => getValue() ?? "-" }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => (
          <Badge size="2xsmall" color={COLORS[getValue()]}>
            {APPLICATION_STATUS_LABELS[getValue()]}
          </Badge>
        ),
      }),
      actionsColumn<AdminApplication>((a) => (
        <Button size="small" variant="transparent" onClick={() => onReview(a)}>
          {a.status === "pending" ? "Review" : "Details"}
        </Button>
      )),
    ],
    [onReview]
  )
}
