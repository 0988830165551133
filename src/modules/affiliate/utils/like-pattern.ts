/** `text` as a LIKE pattern that matches itself only: its own `%`, `_` and `\` are escaped. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&")
