import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateMiddlewares } from "./admin/affiliate/middlewares"
import { adminOutboundMiddlewares } from "./admin/affiliate/outbound-deliveries/middlewares"
import { affiliateErrorHandler } from "./error-handler"
import { partnerMiddlewares } from "./affiliate/partner-middlewares"
import { integrationMiddlewares } from "./integration/middlewares"
import { storeAffiliateMiddlewares } from "./store/middlewares"

export default defineMiddlewares({
  routes: [
    ...integrationMiddlewares,
    ...adminAffiliateMiddlewares,
    ...adminOutboundMiddlewares,
    ...storeAffiliateMiddlewares,
    ...partnerMiddlewares,
  ],
  // Scoped to the plugin's paths; every other path keeps Medusa's own handler.
  errorHandler: affiliateErrorHandler(),
})
