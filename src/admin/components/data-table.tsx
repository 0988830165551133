import {
  clx,
  DataTable as Primitive,
  DataTableColumnDef,
  DataTableCommand,
  DataTableEmptyStateProps,
  DataTableFilter,
  DataTablePaginationState,
  DataTableRowSelectionState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import { useAddressFiltering } from "../hooks/use-address-filtering"
import { readOffset } from "../lib/table-query"
import { ErrorState } from "./page-state"

/** The admin API pages the tables that grow with traffic by offset up to here (then by cursor). */
const MAX_OFFSET = 10_000

type ListQuery = { isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown }

type DataTableProps<TData> = {
  /** Also the accessible name of the table's region. */
  heading: string
  headingLevel?: "h1" | "h2"
  subHeading?: string
  data: TData[] | undefined
  count: number | undefined
  /** `estimate` above 10,000 matches: said as such, and pages reach the newest 10,000 (the API's offset limit). */
  countType?: "exact" | "estimate"
  columns: DataTableColumnDef<TData, any>[]
  filters?: DataTableFilter[]
  pageSize: number
  /** The list query: its loading state shows skeletons, its error a message with Retry. */
  query: ListQuery
  emptyState: DataTableEmptyStateProps
  /** A search box (the API's `q`) with this accessible name. */
  searchLabel?: string
  /** Buttons at the right of the toolbar ("Create"). */
  actions?: React.ReactNode
  /** "fixed": the columns' sizes are shares of the full width; long values are cut, with a tooltip. */
  layout?: "auto" | "fixed"
  /** Selected rows by id (a `select` column shows them), and what can be done to them: a command bar. */
  selection?: {
    state: DataTableRowSelectionState
    onChange: (state: DataTableRowSelectionState) => void
    commands: DataTableCommand[]
  }
}

/**
 * Every admin list: `@medusajs/ui`'s DataTable with its page, search and filters kept in the query
 * string (read back by each table's `query.ts`), so a filtered view survives a reload. A selection
 * stays in the page (it may span pages) with its commands in the table's command bar.
 */
export const DataTable = <TData extends { id: string }>({
  heading,
  headingLevel = "h2",
  subHeading,
  data,
  count,
  countType = "exact",
  columns,
  filters,
  pageSize,
  query,
  emptyState,
  searchLabel,
  actions,
  layout = "auto",
  selection,
}: DataTableProps<TData>) => {
  const [params, setParams] = useSearchParams()
  const filterIds = useMemo(() => (filters ?? []).map((f) => f.id), [filters])

  const pagination: DataTablePaginationState = {
    pageIndex: Math.floor(readOffset(params.get("offset") ?? undefined) / pageSize),
    pageSize,
  }

  // A new search or filter starts again at the first page, in the same navigation: react-router's
  // functional update starts from the address of the last render, not from a queued one, so two
  // updates in one event would undo each other. The table's own page reset is off for that reason.
  const update = (change: (next: URLSearchParams) => void, keepOffset = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (!keepOffset) next.delete("offset")
        change(next)
        return next
      },
      { replace: true }
    )
  const filtering = useAddressFiltering(params, filterIds, update)

  const instance = useDataTable({
    data: data ?? [],
    columns,
    filters,
    getRowId: (row) => row.id,
    rowCount: countType === "estimate" ? Math.min(count ?? 0, MAX_OFFSET + pageSize) : count ?? 0,
    isLoading: query.isLoading,
    autoResetPageIndex: false,
    rowSelection: selection ? { state: selection.state, onRowSelectionChange: selection.onChange } : undefined,
    commands: selection?.commands,
    pagination: {
      state: pagination,
      onPaginationChange: (p) =>
        update((next) => (p.pageIndex ? next.set("offset", String(p.pageIndex * p.pageSize)) : next.delete("offset")), true),
    },
    filtering: filters?.length ? filtering : undefined,
    search: searchLabel
      ? {
          state: params.get("q") ?? "",
          onSearchChange: (q) => update((next) => (q ? next.set("q", q) : next.delete("q"))),
        }
      : undefined,
  })

  return (
    <section aria-label={heading} className="flex flex-col">
      <Primitive instance={instance} className={clx({ "[&_table]:table-fixed": layout === "fixed" })}>
        <Primitive.Toolbar
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
          translations={{ clearAll: "Clear filters" }}
        >
          <div>
            <Heading level={headingLevel}>{heading}</Heading>
            {subHeading && (
              <Text size="small" className="text-ui-fg-subtle">
                {subHeading}
              </Text>
            )}
            {countType === "estimate" && count !== undefined && (
              <Text size="small" className="text-ui-fg-muted" data-count-type="estimate">
                About {count.toLocaleString()} matches (an estimate); pages reach the newest {MAX_OFFSET.toLocaleString()}: narrow with filters.
              </Text>
            )}
          </div>
          <div className="flex items-center gap-x-2">
            {searchLabel && <Primitive.Search placeholder="Search" aria-label={searchLabel} />}
            {filters?.length ? <Primitive.FilterMenu tooltip="Filter" /> : null}
            {actions}
          </div>
        </Primitive.Toolbar>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <>
            <Primitive.Table emptyState={emptyState} />
            <Primitive.Pagination />
            {selection && <Primitive.CommandBar selectedLabel={(count) => `${count} selected`} />}
          </>
        )}
      </Primitive>
    </section>
  )
}
