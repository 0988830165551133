import { createDataTableColumnHelper } from "@medusajs/ui"

/** A list's right-aligned "Actions" column: its buttons are never cut or tooltipped. */
export function actionsColumn<TData extends { id: string }>(render: (row: TData) => React.ReactNode) {
  return createDataTableColumnHelper<TData>().accessor((row) => row.id, {
    id: "actions",
    header: "Actions",
    align: "right",
    truncateTooltip: false,
    cell: ({ row }) => render(row.original),
  })
}
