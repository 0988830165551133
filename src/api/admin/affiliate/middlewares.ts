import type { MiddlewareRoute } from "@medusajs/framework/http"
import { guardPluginInput } from "../../input-guard"
import { adminAffiliatesMiddlewares } from "./affiliates/middlewares"
import { adminApplicationMiddlewares } from "./applications/middlewares"
import { adminWebhookMiddlewares } from "./webhooks/middlewares"
import { adminCampaignMiddlewares } from "./campaigns/middlewares"
import { adminClickMiddlewares } from "./clicks/middlewares"
import { adminConversionMiddlewares } from "./conversions/middlewares"
import { adminErasureMiddlewares } from "./erasures/middlewares"
import { adminPayoutMiddlewares } from "./payouts/middlewares"
import { adminRequestLogMiddlewares } from "./requests/middlewares"
import { adminDashboardMiddlewares } from "./stats/middlewares"

export const adminAffiliateMiddlewares: MiddlewareRoute[] = [
  // No method: mounted as a prefix, so it runs for every /admin/affiliate/* request.
  { matcher: "/admin/affiliate", middlewares: [guardPluginInput] },
  ...adminCampaignMiddlewares,
  ...adminAffiliatesMiddlewares,
  ...adminClickMiddlewares,
  ...adminConversionMiddlewares,
  ...adminRequestLogMiddlewares,
  ...adminDashboardMiddlewares,
  ...adminErasureMiddlewares,
  ...adminPayoutMiddlewares,
  ...adminApplicationMiddlewares,
  ...adminWebhookMiddlewares,
]
