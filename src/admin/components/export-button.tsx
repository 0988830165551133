import { ArrowDownTray } from "@medusajs/icons"
import { Button } from "@medusajs/ui"

/** "Export CSV": a download link (the admin's session cookie authenticates it; the file streams to disk). */
export const ExportButton = ({ href, label = "Export CSV" }: { href: string; label?: string }) => (
  <Button size="small" variant="secondary" asChild>
    <a href={href} download>
      <ArrowDownTray />
      {label}
    </a>
  </Button>
)
