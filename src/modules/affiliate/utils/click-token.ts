import { randomBase62 } from "./random"

/** 22 base62 characters hold 130 bits: above the contract's 128, and URL-safe with no padding. */
export const CLICK_TOKEN_LENGTH = 22
export const MAX_CLICK_TOKEN_LENGTH = 128

export function generateClickToken(): string {
  return randomBase62(CLICK_TOKEN_LENGTH)
}

/** The first-party cookie the affiliate link sets; the cart capture endpoint reads it. */
export const CLICK_COOKIE = "affiliate_click_token"
