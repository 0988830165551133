import { Badge } from "@medusajs/ui"
import { Link, useLocation } from "react-router-dom"
import { useConversions } from "../../../../hooks/api/conversions"

/** "All conversions" and "Review queue" (flagged and pending, with how many wait), above both pages. */
export const ConversionsTabs = () => {
  const { pathname } = useLocation()
  const queue = useConversions({ flagged: true, limit: 0 })
  const waiting = queue.data?.count ?? 0
  const tab = (to: string, label: string, current: boolean, badge?: number) => (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      className={
        "txt-compact-small-plus flex items-center gap-x-2 rounded-md px-3 py-1.5 transition-colors " +
        (current ? "bg-ui-bg-base shadow-borders-base text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover")
      }
    >
      {label}
      {badge ? (
        <Badge size="2xsmall" color="orange">
          {badge}
        </Badge>
      ) : null}
    </Link>
  )
  const reviewing = pathname.endsWith("/conversions/review")
  return (
    <nav aria-label="Conversions" className="flex gap-x-1">
      {tab("/affiliate/conversions", "All conversions", !reviewing)}
      {tab("/affiliate/conversions/review", "Review queue", reviewing, waiting)}
    </nav>
  )
}
