import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rememberAffiliateIpStep, type RememberAffiliateIpInput } from "../steps/remember-affiliate-ip"

/**
 * An affiliate was seen at an IP: their partner-portal login (the portal's login route runs it) or
 * a host's own partner sign-in. A later order from that IP raises `self_referral_ip`.
 */
export const rememberAffiliateIpWorkflow = createWorkflow("remember-affiliate-ip", (input: RememberAffiliateIpInput) => {
  return new WorkflowResponse(rememberAffiliateIpStep(input))
})
