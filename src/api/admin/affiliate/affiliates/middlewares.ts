import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listAffiliatesTransformQueryConfig, retrieveAffiliateTransformQueryConfig } from "./query-config"
import { AdminGetCampaignSeriesParams } from "../stats/validators"
import {
  AdminCreateAffiliate,
  AdminLinkAffiliatePromotion,
  AdminGetAffiliateParams,
  AdminGetAffiliatesParams,
  AdminTrustAffiliate,
  AdminUpdateAffiliate,
} from "./validators"

export const adminAffiliatesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/affiliates",
    middlewares: [validateAndTransformQuery(AdminGetAffiliatesParams, listAffiliatesTransformQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/affiliates",
    middlewares: [
      validateAndTransformBody(AdminCreateAffiliate),
      validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateTransformQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/affiliates/:id",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateTransformQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/affiliates/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateAffiliate),
      validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateTransformQueryConfig),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/affiliates/:id/promotions",
    middlewares: [validateAndTransformBody(AdminLinkAffiliatePromotion)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/affiliates/:id/trust",
    middlewares: [validateAndTransformBody(AdminTrustAffiliate)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/affiliates/:id/stats",
    middlewares: [validateAndTransformQuery(AdminGetCampaignSeriesParams, {})],
  },
]
