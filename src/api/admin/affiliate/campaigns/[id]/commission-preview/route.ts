import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import type { AdminCommissionPreviewResponse } from "../../../../../../types/http"
import type { AdminCommissionPreviewType } from "../../validators"

/**
 * POST /admin/affiliate/campaigns/:id/commission-preview: what an order would earn under the
 * campaign's rules as they are now ("what would this order earn"), item by item, with the rule
 * each matched; with an `affiliate_id`, its sales this month count for tiers. Records nothing.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCommissionPreviewType>, res: MedusaResponse<AdminCommissionPreviewResponse>) => {
  const { items = [], order_total, order_currency, customer_type, affiliate_id } = req.validatedBody
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const preview = await service.previewCommission(req.params.id, {
    items: items.map((i) => ({
      sku: i.sku,
      product_id: i.product_id ?? null,
      category: i.category ?? [],
      collection: i.collection ?? null,
      quantity: i.quantity ?? 1,
      item_value: i.item_value,
      metadata: null,
    })),
    order_total,
    order_currency,
    customer_type: customer_type ?? null,
    affiliate_id,
  })
  res.json({ preview })
}
