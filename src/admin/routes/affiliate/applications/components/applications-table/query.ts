import type { AdminApplicationParams, ApplicationStatus } from "../../../../../../types/http"
import { useQueryParams } from "../../../../../hooks/use-query-params"
import { readFilter, readOffset } from "../../../../../lib/table-query"

/** The applications table's page, search and filters, from the query string; the queue (`pending`) by default. */
export function useApplicationTableQuery({ pageSize }: { pageSize: number }): AdminApplicationParams {
  const { offset, status, q } = useQueryParams(["offset", "status", "q"])
  return {
    limit: pageSize,
    offset: readOffset(offset),
    q: q || undefined,
    status: readFilter<ApplicationStatus[]>(status) ?? ["pending"],
  }
}
