import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { guardPluginInput } from "../input-guard"
import { StoreCaptureAttribution, StoreRecordClick } from "./validators"

export const storeAffiliateMiddlewares: MiddlewareRoute[] = [
  // No method: mounted as prefixes, so they run for every method, before the validators.
  { matcher: "/store/affiliate", middlewares: [guardPluginInput] },
  { matcher: "/store/carts/:id/affiliate", middlewares: [guardPluginInput] },
  {
    matcher: "/store/carts/:id/affiliate",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(StoreCaptureAttribution)],
  },
  {
    matcher: "/store/affiliate/clicks",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(StoreRecordClick)],
  },
]
