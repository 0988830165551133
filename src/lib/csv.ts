/*
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field quoted when it holds a comma,
 * a quote, CR or LF, quotes doubled), UTF-8, with spreadsheet formulas neutralised: a cell that a
 * spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) is
 * prefixed with a single quote, so it shows as text (OWASP, "CSV Injection"). A plain number such
 * as a negative adjustment, "-12.50", is a number, not a formula: it stays as it is, so the
 * spreadsheet can add it up.
 */

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const NEEDS_QUOTES = /[",\r\n]/

/** One field: text, numbers, booleans, dates (ISO 8601 UTC); null and undefined are empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ""
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One record, with its CRLF. */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n"
}

/** A column of an export: its header and how to read it from a row. */
export type CsvColumn<T> = { header: string; value: (row: T) => unknown }

export function csvHeader<T>(columns: readonly CsvColumn<T>[]): string {
  return csvRow(columns.map((c) => c.header))
}

export function csvRows<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  let out = ""
  for (const row of rows) out += csvRow(columns.map((c) => c.value(row)))
  return out
}
