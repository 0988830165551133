import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreCaptureAttribution, StoreRecordClick } from "./validators"

export const storeAffiliateMiddlewares: MiddlewareRoute[] = [
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
