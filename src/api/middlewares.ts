import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateMiddlewares } from "./admin/affiliate/middlewares"
import { integrationMiddlewares } from "./integration/middlewares"

export default defineMiddlewares({
  routes: [...integrationMiddlewares, ...adminAffiliateMiddlewares],
})
