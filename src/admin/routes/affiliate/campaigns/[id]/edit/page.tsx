import { Container } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { CampaignForm } from "../../../../../components/campaign-form"
import { ErrorState, LoadingState } from "../../../../../components/page-state"
import { useCampaign } from "../../../../../hooks/api/campaigns"

/** "Edit" on a campaign, and where "Save" on a new one lands. */
const EditCampaignPage = () => {
  const { id } = useParams()
  const { data, isLoading, isError, error, refetch } = useCampaign(id)
  if (isLoading) return <Container><LoadingState rows={6} /></Container>
  if (isError || !data) return <Container><ErrorState error={error} onRetry={() => refetch()} /></Container>
  return <CampaignForm key={data.campaign.id} campaign={data.campaign} />
}

export default EditCampaignPage
