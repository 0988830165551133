import { useSearchParams } from "react-router-dom"

/** The raw values of `keys` in the page's query string (what a list table keeps there). */
export function useQueryParams<TKey extends string>(keys: readonly TKey[]): Partial<Record<TKey, string>> {
  const [params] = useSearchParams()
  const values: Partial<Record<TKey, string>> = {}
  for (const key of keys) {
    const value = params.get(key)
    if (value !== null) values[key] = value
  }
  return values
}
