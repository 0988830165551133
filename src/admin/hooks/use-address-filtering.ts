import type { DataTableFilteringState } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"

type Written = { key: string; state: DataTableFilteringState }

/**
 * A list's filters, kept in the query string (one JSON value per filter id), as the DataTable's
 * filtering state.
 *
 * Filters written here are shown at once, until the query string has them. react-router applies
 * a navigation after React has rendered the table's own update, and `@medusajs/ui`'s filter bar
 * copies the filtering state into its pickers on every render. Read from the query string alone,
 * a value just picked was taken back for a moment. A picker closed in that moment (Escape right
 * after the click) dropped its filter.
 */
export function useAddressFiltering(params: URLSearchParams, ids: string[], write: (change: (next: URLSearchParams) => void) => void) {
  const fromAddress = useMemo(() => readFiltering(params, ids), [params, ids])
  const addressKey = JSON.stringify(ids.map((id) => params.get(id)))
  // Oldest first; cleared by any navigation that is not one of them (back, a link).
  const [written, setWritten] = useState<Written[]>([])

  useEffect(() => {
    setWritten((queue) => {
      if (!queue.length) return queue
      const landed = queue.findIndex((w) => w.key === addressKey)
      return landed === -1 ? [] : queue.slice(landed + 1)
    })
  }, [addressKey])

  const onFilteringChange = (state: DataTableFilteringState) => {
    // A filter just added has no value yet: kept (as null) so its picker stays open.
    const values = ids.map((id) => (id in state ? JSON.stringify(state[id] ?? null) : null))
    setWritten((queue) => [...queue, { key: JSON.stringify(values), state }])
    write((next) => ids.forEach((id, i) => (values[i] === null ? next.delete(id) : next.set(id, values[i]!))))
  }

  return { state: written.length ? written[written.length - 1].state : fromAddress, onFilteringChange }
}

/** The filters in the query string; one that is not valid JSON is left out. */
function readFiltering(params: URLSearchParams, ids: string[]): DataTableFilteringState {
  const state: DataTableFilteringState = {}
  for (const id of ids) {
    const raw = params.get(id)
    if (raw === null) continue
    try {
      state[id] = JSON.parse(raw)
    } catch {
      // Edited by hand: ignore it.
    }
  }
  return state
}
