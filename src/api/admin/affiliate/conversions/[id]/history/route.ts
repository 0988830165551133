import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import type { AdminConversionHistoryResponse } from "../../../../../../types/http"

/**
 * GET /admin/affiliate/conversions/:id/history: every change of the conversion's status or
 * amounts, the oldest first, with who made it ("s2s", "store", "system", "user:<id>") and why.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminConversionHistoryResponse>) => {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [conversion] = await service.listAffiliateConversions({ id: req.params.id }, { select: ["id"] })
  if (!conversion) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Conversion with id: ${req.params.id} was not found`)
  const changes = await service.listAffiliateConversionChanges({ conversion_id: conversion.id }, { order: { created_at: "ASC", id: "ASC" } })
  res.json({
    history: changes.map((c) => ({
      created_at: new Date(c.created_at).toISOString(),
      actor: c.actor,
      field: c.field,
      from: c.from_value,
      to: c.to_value,
      reason: c.reason,
    })),
  })
}
