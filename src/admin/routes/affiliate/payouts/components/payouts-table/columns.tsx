import { Button, createDataTableColumnHelper } from "@medusajs/ui"
import { PayoutStatusBadge } from "../../../../../components/badges"
import { useMemo } from "react"
import type { AdminPayout } from "../../../../../../types/http"
import { actionsColumn } from "../../../../../components/actions-column"
import { useAffiliateNames } from "../../../../../hooks/use-names"
import { formatDate, formatMoney } from "../../../../../lib/format"

const columnHelper = createDataTableColumnHelper<AdminPayout>()

export function usePayoutTableColumns({ onOpen }: { onOpen: (payout: AdminPayout) => void }) {
  const affiliateName = useAffiliateNames()
  return useMemo(
    () => [
      columnHelper.accessor("created_at", { header: "Created", cell: ({ getValue }) => formatDate(getValue()) }),
      columnHelper.accessor("affiliate_id", { header: "Affiliate", cell: ({ getValue }) => affiliateName.get(getValue()) ?? getValue() }),
      columnHelper.accessor("amount", {
        header: "Amount",
        align: "right",
        cell: ({ row }) => <span data-payout-amount={row.original.id}>{formatMoney(row.original.amount, row.original.currency_code)}</span>,
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <PayoutStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("reference", { header: "Reference", cell: ({ getValue }) => getValue() ?? "-" }),
      columnHelper.accessor("paid_at", { header: "Paid", cell: ({ getValue }) => formatDate(getValue()) }),
      actionsColumn<AdminPayout>((p) => (
        <Button size="small" variant="transparent" onClick={() => onOpen(p)}>
          {p.status === "open" ? "Lines & mark paid" : "Lines"}
        </Button>
      )),
    ],
    [affiliateName, onOpen]
  )
}
