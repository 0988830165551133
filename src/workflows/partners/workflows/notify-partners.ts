import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareConversionMailStep, prepareDigestMailsStep, preparePayoutMailStep } from "../steps/prepare-partner-mails"
import { sendPartnerMailsStep } from "../steps/send-partner-mails"

type Notice = { id: string; public_url: string | null }

/** After `affiliate.conversion.created`: mails the partner who wants a mail per conversion. */
export const notifyPartnerConversionWorkflow = createWorkflow("notify-affiliate-partner-conversion", (input: Notice) => {
  return new WorkflowResponse(sendPartnerMailsStep(prepareConversionMailStep(input)))
})

/** After `affiliate.payout.paid`: mails the partner (unless they turned mails off). */
export const notifyPartnerPayoutWorkflow = createWorkflow("notify-affiliate-partner-payout", (input: Notice) => {
  return new WorkflowResponse(sendPartnerMailsStep(preparePayoutMailStep(input)))
})

/**
 * The daily digests for `day` (a UTC date, default yesterday): one mail per partner who chose a
 * digest and had conversions. Run by the `send-affiliate-digests` job every morning.
 */
export const sendConversionDigestsWorkflow = createWorkflow("send-affiliate-conversion-digests", (input: { day?: string; public_url: string | null }) => {
  const args = transform({ input }, ({ input }) => ({
    day: input.day ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    public_url: input.public_url,
  }))
  return new WorkflowResponse(sendPartnerMailsStep(prepareDigestMailsStep(args)))
})
