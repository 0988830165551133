import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listCampaignsTransformQueryConfig, retrieveCampaignTransformQueryConfig } from "./query-config"
import {
  AdminCommissionPreview,
  AdminCreateCampaign,
  AdminGetCampaignParams,
  AdminGetCampaignsParams,
  AdminRegenerateApiKey,
  AdminUpdateCampaign,
} from "./validators"

export const adminCampaignMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/campaigns",
    middlewares: [validateAndTransformQuery(AdminGetCampaignsParams, listCampaignsTransformQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/campaigns",
    middlewares: [
      validateAndTransformBody(AdminCreateCampaign),
      validateAndTransformQuery(AdminGetCampaignParams, retrieveCampaignTransformQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/campaigns/:id",
    middlewares: [validateAndTransformQuery(AdminGetCampaignParams, retrieveCampaignTransformQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/campaigns/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateCampaign),
      validateAndTransformQuery(AdminGetCampaignParams, retrieveCampaignTransformQueryConfig),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/campaigns/:id/commission-preview",
    middlewares: [validateAndTransformBody(AdminCommissionPreview)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/campaigns/:id/s2s/regenerate",
    middlewares: [validateAndTransformBody(AdminRegenerateApiKey)],
  },
]
