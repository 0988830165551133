import { DataTable, DataTableColumnDef, useDataTable } from "@medusajs/ui"

/** A short list shown whole (the latest runs, a payout's lines, an affiliate's codes): DataTable without paging. */
export const StaticTable = <TData extends { id: string }>({
  rows,
  columns,
  isLoading,
  empty,
}: {
  rows: TData[] | undefined
  columns: DataTableColumnDef<TData, any>[]
  isLoading: boolean
  empty: { heading: string; description: string }
}) => {
  const instance = useDataTable({ data: rows ?? [], columns, getRowId: (r) => r.id, rowCount: rows?.length ?? 0, isLoading })
  return (
    <DataTable instance={instance}>
      <DataTable.Table emptyState={{ empty }} />
    </DataTable>
  )
}
