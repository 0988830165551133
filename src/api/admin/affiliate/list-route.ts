import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { ListTable } from "../../../modules/affiliate/types"

type ListOptions = { entity: string; table: ListTable; key: string }

const newestFirst = (order: Record<string, string> | undefined) =>
  !order || (Object.keys(order).length === 1 && String(order.created_at).toUpperCase() === "DESC")

/**
 * GET handler of a list of a table that grows with traffic (clicks, conversions, request log,
 * outbound deliveries). In its default order (newest first) the module pages it by index, with
 * `next_cursor` for `after` and a total that is exact up to 10,000 matches and estimated above
 * (`count_type`); the page is then read through Query, so `fields` work as on any Medusa list.
 * Another `order` falls back to Query's own paging and exact count, fine for narrow filters.
 */
export function listRoute({ entity, table, key }: ListOptions) {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { after, ...filters } = req.filterableFields as Record<string, unknown> & { after?: string }
    const { fields, pagination } = req.queryConfig
    const page = { offset: pagination.skip ?? 0, limit: pagination.take ?? 20 }

    if (!newestFirst(pagination.order as Record<string, string> | undefined)) {
      if (after) throw new MedusaError(MedusaError.Types.INVALID_DATA, "after pages the default order (newest first) only")
      const { data, metadata } = await query.graph({ entity, fields, filters, pagination })
      res.json({ [key]: data, count: metadata!.count, count_type: "exact", ...page, next_cursor: null })
      return
    }
    const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const found = await service.listPage(table, { filters, limit: page.limit, offset: page.offset, after })
    const { data } = found.ids.length
      ? await query.graph({ entity, fields: fields.includes("id") ? fields : ["id", ...fields], filters: { id: found.ids } })
      : { data: [] }
    const byId = new Map(data.map((row: { id: string }) => [row.id, row]))
    res.json({
      [key]: found.ids.map((id) => byId.get(id)).filter(Boolean),
      count: found.count,
      count_type: found.count_type,
      ...page,
      next_cursor: found.next_cursor,
    })
  }
}
