import { encryptApiKey, openSecret } from "./api-key"

/**
 * What the module encrypts at rest (S2S keys, outbound keys, partners' payout details), with the
 * plugin's encryption key; earlier keys still open what they encrypted while a rotation is under
 * way (README, "Rotating the encryption key"). Only the module service holds one: no caller ever
 * sees key material.
 */
export class SecretBox {
  constructor(
    private readonly current: Buffer,
    /** The current key first, then the earlier ones. */
    private readonly all: Buffer[]
  ) {}

  /** AES-256-GCM with the current key. */
  seal(plain: string): string {
    return encryptApiKey(plain, this.current)
  }

  /** The plain text, and whether the current key opened it; null when no configured key does. */
  open(stored: string): { plain: string; current: boolean } | null {
    try {
      const { plain, keyIndex } = openSecret(stored, this.all)
      return { plain, current: keyIndex === 0 }
    } catch {
      return null
    }
  }
}
