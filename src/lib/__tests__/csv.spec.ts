import { csvCell, csvHeader, csvRow, csvRows } from "../csv"

describe("CSV (RFC 4180, formulas neutralised)", () => {
  it("quotes a field with a comma, a quote, CR or LF, doubling the quotes; others stay bare", () => {
    expect(csvCell("plain")).toBe("plain")
    expect(csvCell("a,b")).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell("two\nlines")).toBe('"two\nlines"')
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"')
  })

  it.each(["=1+1", "+1", "-1+2", "@SUM(A1)", "\tTAB", "\rCR", "=HYPERLINK(\"http://x\")", "-cmd"])(
    "prefixes a formula-looking cell with a single quote: %p",
    (value) => {
      const cell = csvCell(value)
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell
      expect(unquoted).toBe(`'${value}`)
    }
  )

  it("leaves plain numbers, negative ones included, as numbers a spreadsheet can add up", () => {
    expect(csvCell("-12.50")).toBe("-12.50")
    expect(csvCell("-5")).toBe("-5")
    expect(csvCell(-5)).toBe("-5")
    expect(csvCell("12.50")).toBe("12.50")
  })

  it("writes empty for null and undefined, ISO 8601 for dates, text for booleans; UTF-8 text unchanged", () => {
    expect(csvCell(null)).toBe("")
    expect(csvCell(undefined)).toBe("")
    expect(csvCell(new Date("2026-01-31T12:00:00Z"))).toBe("2026-01-31T12:00:00.000Z")
    expect(csvCell(false)).toBe("false")
    expect(csvCell("Zoë — 東京")).toBe("Zoë — 東京")
  })

  it("ends every record with CRLF, a header first", () => {
    const columns = [
      { header: "id", value: (r: { id: string; note: string }) => r.id },
      { header: "note", value: (r: { id: string; note: string }) => r.note },
    ]
    expect(csvHeader(columns)).toBe("id,note\r\n")
    expect(csvRows(columns, [{ id: "1", note: "=bad" }, { id: "2", note: "a,b" }])).toBe("1,'=bad\r\n2,\"a,b\"\r\n")
    expect(csvRow([])).toBe("\r\n")
  })
})
