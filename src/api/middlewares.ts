import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateMiddlewares } from "./admin/affiliate/middlewares"
import { integrationMiddlewares } from "./integration/middlewares"
import { storeAffiliateMiddlewares } from "./store/middlewares"

export default defineMiddlewares({
  routes: [...integrationMiddlewares, ...adminAffiliateMiddlewares, ...storeAffiliateMiddlewares],
})
