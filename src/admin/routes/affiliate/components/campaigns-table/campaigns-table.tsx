import { toast, usePrompt } from "@medusajs/ui"
import { useCallback, useMemo } from "react"
import { useNavigate } from "react-router-dom"
import type { AdminCampaign } from "../../../../../types/http"
import { DataTable } from "../../../../components/data-table"
import { useCampaigns, useCampaignTotals, useDeleteCampaign } from "../../../../hooks/api/campaigns"
import { errorMessage } from "../../../../lib/format"
import { useCampaignTableColumns } from "./columns"
import { campaignTableFilters } from "./filters"
import { useCampaignTableQuery } from "./query"

const PAGE_SIZE = 20

/** "All campaigns": with each one's figures, its S2S setup button, Edit and Delete. */
export const CampaignsTable = ({ onOpenSetup }: { onOpenSetup: (campaign: AdminCampaign) => void }) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const query = useCampaignTableQuery({ pageSize: PAGE_SIZE })
  const campaigns = useCampaigns(query)
  const totals = useCampaignTotals()
  const { mutate: deleteCampaign } = useDeleteCampaign()
  const totalsById = useMemo(
    () => (totals.data ? new Map(totals.data.stats.map((s) => [s.campaign_id, s])) : undefined),
    [totals.data]
  )

  const onEdit = useCallback((c: AdminCampaign) => navigate(`/affiliate/campaigns/${c.id}/edit`), [navigate])
  const onDelete = useCallback(
    async (c: AdminCampaign) => {
      const ok = await prompt({
        title: `Delete "${c.name}"?`,
        description: "Its links stop recording clicks and its API key stops working. Recorded conversions are kept.",
        confirmText: "Delete",
        cancelText: "Cancel",
      })
      if (!ok) return
      deleteCampaign(c.id, {
        onSuccess: () => toast.success(`Campaign "${c.name}" deleted`),
        onError: (e) => toast.error(errorMessage(e)),
      })
    },
    [prompt, deleteCampaign]
  )
  const columns = useCampaignTableColumns({ totals: totalsById, onOpenSetup, onEdit, onDelete })

  return (
    <DataTable
      heading="All campaigns"
      data={campaigns.data?.campaigns}
      count={campaigns.data?.count}
      columns={columns}
      filters={campaignTableFilters}
      pageSize={PAGE_SIZE}
      query={campaigns}
      searchLabel="Search campaigns"
      emptyState={{
        empty: {
          heading: "No campaigns yet",
          description: "Click Create New on one of the cards above to create the first one.",
        },
        filtered: { heading: "No campaign matches these filters", description: "Try other filters or another search." },
      }}
    />
  )
}
