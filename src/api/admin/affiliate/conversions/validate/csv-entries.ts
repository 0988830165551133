import { parseCsv } from "../../../../../lib/csv-parse"

export const CSV_COLUMNS = ["order_id", "status", "reason", "order_total"] as const
export const MAX_CSV_ROWS = 10_000

/**
 * A validation CSV (contract, section 9: `order_id,status,reason,order_total`, a header row, in any
 * order, each column optional but order_id) as validation entries, or why the file is refused as a
 * whole: not CSV, an unknown column, no order_id column, more than 10,000 rows.
 */
export function csvEntries(text: string): { entries: Record<string, string>[] } | { problem: string } {
  const parsed = parseCsv(text)
  if ("problem" in parsed) return { problem: `The file is not CSV: ${parsed.problem}` }
  const [header, ...rows] = parsed.records
  if (!header) return { problem: "The file is empty: it needs a header row (order_id,status,reason,order_total) and one row per conversion" }
  const columns = header.map((h) => h.trim().toLowerCase())
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c))
  if (unknown.length) return { problem: `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}: the columns are ${CSV_COLUMNS.join(", ")}` }
  if (new Set(columns).size !== columns.length) return { problem: "A column is given more than once" }
  if (!columns.includes("order_id")) return { problem: "The order_id column is missing: it names each conversion" }
  if (!rows.length) return { problem: "The file has a header and no row" }
  if (rows.length > MAX_CSV_ROWS) return { problem: `The file has ${rows.length.toLocaleString("en")} rows: at most ${MAX_CSV_ROWS.toLocaleString("en")} at a time` }
  const misshapen = rows.findIndex((r) => r.length !== columns.length)
  if (misshapen !== -1) return { problem: `Row ${misshapen + 2} has ${rows[misshapen].length} fields, the header ${columns.length}` }
  // Empty cells say nothing: an entry only carries what the row gives.
  return { entries: rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i].trim()]).filter(([, v]) => v !== ""))) }
}
