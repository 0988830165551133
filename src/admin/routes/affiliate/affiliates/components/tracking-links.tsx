import { Text } from "@medusajs/ui"
import type { AdminTrackingLink } from "../../../../../types/http"
import { CopyButton } from "../../../../components/copy-button"

/** An affiliate's tracking link per campaign, each with a Copy button. */
export const TrackingLinks = ({ links }: { links: AdminTrackingLink[] | undefined }) =>
  !links?.length ? (
    <Text size="small" className="text-ui-fg-subtle">No active or paused campaign yet: create a campaign first.</Text>
  ) : (
    <>
      {links.map((l) => (
        <div key={l.campaign_id} className="flex flex-col gap-y-1">
          <Text size="small" weight="plus">{l.campaign_name}</Text>
          <div className="flex items-center gap-x-2">
            <code className="bg-ui-bg-subtle txt-compact-xsmall flex-1 overflow-x-auto whitespace-nowrap rounded-md border px-2 py-1 font-mono">{l.url}</code>
            <CopyButton value={l.url} label={`Copy tracking link for ${l.campaign_name}`} />
          </div>
        </div>
      ))}
    </>
  )
