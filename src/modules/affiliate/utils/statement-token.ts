import { hashApiKey } from "./api-key"
import { randomBase62 } from "./random"
import { decodeEscapes } from "./escapes"

export const STATEMENT_TOKEN_PREFIX = "stm_"
/** 43 base62 characters: about 256 bits from the CSPRNG. */
const STATEMENT_TOKEN_BODY_LENGTH = 43
export const STATEMENT_PATH = "/affiliate/statement"

/** A new statement token: shown once, in the link; only its hash is stored. */
export function generateStatementToken(): string {
  return STATEMENT_TOKEN_PREFIX + randomBase62(STATEMENT_TOKEN_BODY_LENGTH)
}

/** The stored form: SHA-256, like an API key's (a long random secret needs no slow hash). */
export const hashStatementToken = hashApiKey

export function statementUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${STATEMENT_PATH}/${token}`
}

const TOKEN_PATTERN = /stm_[0-9A-Za-z]{4}[0-9A-Za-z]*/gi

/**
 * Replaces every statement token in a string (a URL in an access log) by its first characters.
 * The prefix is matched in any case and after decoding (`stm%5F…`, `STM_…`, `stm&#95;…`): the route
 * answers `stm%5F…` as `stm_…`, and a token under a changed prefix is still the live token's body.
 * When decoding revealed a token, the decoded text is returned, redacted.
 */
export function redactStatementTokens(text: string): string {
  const decoded = decodeEscapes(text)
  const source = decoded !== text && new RegExp(TOKEN_PATTERN.source, "i").test(decoded) ? decoded : text
  return source.replace(TOKEN_PATTERN, (token) => `${token.slice(0, 8)}…`)
}
