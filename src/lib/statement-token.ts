import { hashApiKey } from "./api-key"
import { randomBase62 } from "../modules/affiliate/utils/random"

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

/** Replaces every statement token in a string (a URL in an access log) by its first characters. */
export function redactStatementTokens(text: string): string {
  return text.replace(/stm_[0-9A-Za-z]{4}[0-9A-Za-z]*/g, (token) => `${token.slice(0, 8)}…`)
}
