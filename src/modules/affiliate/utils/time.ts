export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

/** When a click made at `from` stops converting: its campaign's attribution window later. */
export function clickExpiry(from: Date, attributionWindowDays: number): Date {
  return new Date(from.getTime() + attributionWindowDays * DAY_MS)
}
