/*
 * A list table keeps its page and filters in the query string (`offset=20`, `status=["pending"]`),
 * so a filtered page can be shared and survives a reload. These read them back into API query
 * parameters; anything mangled by hand reads as "no filter", never as an error.
 */

export function readOffset(raw: string | undefined): number {
  const offset = Number(raw)
  return Number.isInteger(offset) && offset > 0 ? offset : 0
}

/** A filter's value (JSON in the query string); empty values (a filter being chosen) read as none. */
export function readFilter<T>(raw: string | undefined): T | undefined {
  if (!raw) return undefined
  try {
    const value = JSON.parse(raw)
    if (value === null || value === "" || (Array.isArray(value) && !value.length)) return undefined
    return value as T
  } catch {
    return undefined
  }
}

/** The "Live or test" filter ("false" / "true") as the API's `is_test`. */
export function readBooleanFilter(raw: string | undefined): boolean | undefined {
  const value = readFilter<string>(raw)
  return value === "true" ? true : value === "false" ? false : undefined
}

type DateRange = { $gte?: string; $lte?: string; $gt?: string; $lt?: string }

/**
 * A date filter as `created_at[$gte|$lte]`. The date picker gives the start of the chosen day for
 * "To", which would leave that day out: the range ends at the end of it instead.
 */
export function readDateRangeFilter(raw: string | undefined): DateRange | undefined {
  const range = readFilter<DateRange>(raw)
  if (!range || typeof range !== "object") return undefined
  const { $gte, $lte, $gt, $lt } = range
  const end = $lte ? new Date($lte) : null
  if (end && !Number.isNaN(end.getTime())) end.setHours(23, 59, 59, 999)
  const result: DateRange = { $gte, $gt, $lt, $lte: end && !Number.isNaN(end.getTime()) ? end.toISOString() : undefined }
  const defined = Object.entries(result).filter(([, v]) => typeof v === "string")
  return defined.length ? (Object.fromEntries(defined) as DateRange) : undefined
}
