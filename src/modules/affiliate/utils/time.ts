export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

/** When a click made at `from` stops converting: its campaign's attribution window later. */
export function clickExpiry(from: Date, attributionWindowDays: number): Date {
  return new Date(from.getTime() + attributionWindowDays * DAY_MS)
}

/**
 * Whether a click has expired at `at`: its window includes the instant `expires_at` itself. The
 * one rule for the cart capture, the S2S call and the store's order.
 */
export function clickExpired(expiresAt: Date | string, at: Date | string): boolean {
  return new Date(at).getTime() > new Date(expiresAt).getTime()
}
