import { randomBytes } from "node:crypto"

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/**
 * `length` base62 characters from the CSPRNG. Bytes of 248 and above are dropped (rejection
 * sampling) so every character is equally likely.
 */
export function randomBase62(length: number): string {
  let out = ""
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) {
        out += BASE62[byte % 62]
      }
    }
  }
  return out
}
