/**
 * Reads CSV as RFC 4180 writes it (the exports' own format): comma-separated, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled, CRLF or LF line ends. Answers the
 * records, or what is wrong and on which line; never throws.
 */
export function parseCsv(text: string): { records: string[][] } | { problem: string } {
  const records: string[][] = []
  let record: string[] = []
  let field = ""
  let quoted = false
  let line = 1
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else {
        if (c === "\n") line++
        field += c
      }
    } else if (c === '"') {
      if (field !== "") return { problem: `line ${line}: a quote inside an unquoted field` }
      quoted = true
    } else if (c === ",") record.push(field), (field = "")
    else if (c === "\n" || (c === "\r" && body[i + 1] === "\n")) {
      if (c === "\r") i++
      record.push(field), records.push(record), (record = []), (field = ""), line++
    } else field += c
  }
  if (quoted) return { problem: `line ${line}: a quoted field is not closed` }
  if (field !== "" || record.length) record.push(field), records.push(record)
  return { records: records.filter((r) => !(r.length === 1 && r[0] === "")) }
}
