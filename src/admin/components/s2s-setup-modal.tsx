import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useS2sSetup } from "../hooks/api/campaigns"
import type { AdminCampaign } from "../../types/http"
import { ErrorState, LoadingState } from "./page-state"
import { S2sSetupView } from "./s2s-setup-view"

/** The quick-access S2S setup modal opened from the campaigns table (seed 000). */
export const S2sSetupModal = ({ campaign, onClose }: { campaign: Pick<AdminCampaign, "id" | "name"> | null; onClose: () => void }) => {
  const setup = useS2sSetup(campaign?.id, !!campaign)
  return (
    <FocusModal open={!!campaign} onOpenChange={(open) => !open && onClose()}>
      <FocusModal.Content aria-describedby={undefined}>
        <FocusModal.Header>
          <FocusModal.Title asChild>
            <Heading>S2S setup: {campaign?.name}</Heading>
          </FocusModal.Title>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-10">
          <div className="flex w-full max-w-2xl flex-col gap-y-6 px-6">
            <Text size="small" className="text-ui-fg-subtle">
              Your server sends a POST to the S2S endpoint with the click_token it captured from the landing URL, the order
              details and this API key.
            </Text>
            {setup.isLoading && <LoadingState rows={2} />}
            {setup.isError && <ErrorState error={setup.error} onRetry={() => setup.refetch()} />}
            {setup.data && <S2sSetupView setup={setup.data} compact />}
            {campaign && (
              <div>
                <Button size="small" variant="secondary" asChild>
                  <Link to={`/affiliate/campaigns/${campaign.id}/edit?tab=integration`}>Open Integration Setup</Link>
                </Button>
              </div>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
