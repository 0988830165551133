/**
 * A click whose token still converts: not deleted, and its details not cleared by retention (a
 * cleared click's token leaves the unique token index, so it is forgotten). The one definition
 * for the S2S call, the cart capture and the admin's list by token; `alias` is the click table's.
 */
export const LIVE_CLICK = (alias: string) => `${alias}.deleted_at IS NULL AND ${alias}.details_cleared_at IS NULL`
