import { formatDateParts } from "../lib/format"

/** A table cell's timestamp on two lines, the date above the time: narrow columns stay readable. */
export const DateTimeCell = ({ value }: { value: string }) => {
  const [date, time] = formatDateParts(value)
  return (
    <div className="flex flex-col">
      <span>{date}</span>
      <span className="txt-compact-xsmall text-ui-fg-muted">{time}</span>
    </div>
  )
}
