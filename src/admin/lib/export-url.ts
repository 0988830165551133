/**
 * The address of a CSV export with a list's filters, as the API's query parser reads them
 * (`status[]=a`, `created_at[$gte]=…`). A plain link: the browser downloads it with the admin's
 * session cookie, and the file streams straight to disk.
 */
export function exportUrl(path: string, params: Record<string, unknown>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue
    if (Array.isArray(value)) value.forEach((v) => search.append(`${key}[]`, String(v)))
    else if (typeof value === "object") {
      for (const [op, v] of Object.entries(value)) if (v !== undefined && v !== null) search.append(`${key}[${op}]`, String(v))
    } else search.append(key, String(value))
  }
  const query = search.toString()
  return query ? `${path}?${query}` : path
}
