/*
 * The escapes a secret can hide behind in a URL, a header or a log line, so redaction matches what
 * a server would decode: percent-escapes of any case (`%5F`, `%5f`), IIS's `%u005f`, JSON's
 * `\u005f` and HTML's `&#95;`, `&#x5f;` and `&lowbar;`. Only ASCII is decoded: keys, tokens and
 * their prefixes are ASCII, and leaving the rest alone keeps decoding from ever failing.
 */

const ONE_ROUND: [RegExp, (match: string, code: string) => string][] = [
  [/%([0-7][0-9a-f])/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))],
  [/%u00([0-7][0-9a-f])/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))],
  [/\\u00([0-7][0-9a-f])/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))],
  // A reference ends at its `;` or at the first character that cannot continue it (`&#x1F600;` is no `&#x1F`).
  [/&#x0*([0-7]?[0-9a-f])(?![0-9a-f]);?/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))],
  [/&#0*(\d{1,3})(?!\d);?/g, (match, dec) => (Number(dec) < 128 ? String.fromCharCode(Number(dec)) : match)],
  [/&lowbar;/gi, () => "_"],
]

const MAX_ROUNDS = 5

/** Decodes every escape above once; what is malformed stays as it is. */
export function decodeEscapesOnce(text: string): string {
  return ONE_ROUND.reduce((out, [pattern, decode]) => out.replace(pattern, decode as (...args: string[]) => string), text)
}

/** Decodes as often as the text was encoded (`%255F` is `%5F` is `_`), at most five times. */
export function decodeEscapes(text: string): string {
  let decoded = text
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = decodeEscapesOnce(decoded)
    if (next === decoded) break
    decoded = next
  }
  return decoded
}
