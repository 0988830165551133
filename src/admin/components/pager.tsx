import { Table } from "@medusajs/ui"

/** The pagination row under every list: page `page` (0-based) of `count` rows, `pageSize` a page. */
export const Pager = ({ count, page, pageSize, onPage }: { count: number; page: number; pageSize: number; onPage: (page: number) => void }) => (
  <Table.Pagination
    count={count}
    pageSize={pageSize}
    pageIndex={page}
    pageCount={Math.max(1, Math.ceil(count / pageSize))}
    canPreviousPage={page > 0}
    canNextPage={(page + 1) * pageSize < count}
    previousPage={() => onPage(page - 1)}
    nextPage={() => onPage(page + 1)}
  />
)
