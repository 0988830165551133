import { CampaignForm } from "../../../../components/campaign-form"

/** "Create New" on a campaign card: the empty campaign form. */
const NewCampaignPage = () => <CampaignForm />

export default NewCampaignPage
