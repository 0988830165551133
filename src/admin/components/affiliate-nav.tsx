import { Link, useLocation } from "react-router-dom"

const SECTIONS = [
  { to: "/affiliate", label: "Campaigns" },
  { to: "/affiliate/affiliates", label: "Affiliates" },
  { to: "/affiliate/applications", label: "Applications" },
  { to: "/affiliate/conversions", label: "Conversions" },
  { to: "/affiliate/payouts", label: "Payouts" },
  { to: "/affiliate/requests", label: "Request log" },
  { to: "/affiliate/webhooks", label: "Webhooks" },
  { to: "/affiliate/privacy", label: "Privacy" },
]

/** The affiliate area's sections, above every page (the sidebar shows them too). */
export const AffiliateNav = () => {
  const { pathname } = useLocation()
  const current = (to: string) =>
    to === "/affiliate" ? pathname.endsWith("/affiliate") || pathname.includes("/affiliate/campaigns") : pathname.includes(to)
  return (
    <nav aria-label="Affiliate sections" className="flex gap-x-1">
      {SECTIONS.map((s) => (
        <Link
          key={s.to}
          to={s.to}
          aria-current={current(s.to) ? "page" : undefined}
          className={
            "txt-compact-small-plus rounded-md px-3 py-1.5 transition-colors " +
            (current(s.to) ? "bg-ui-bg-base shadow-borders-base text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover")
          }
        >
          {s.label}
        </Link>
      ))}
    </nav>
  )
}
