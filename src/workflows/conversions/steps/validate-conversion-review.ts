import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type ReviewAction = "approve" | "reject"
export type ReviewConversionInput = { id: string; action: ReviewAction; reason?: string | null }

/**
 * Only a pending conversion is reviewed, a rejection says why, and a test conversion is never
 * commissionable, so it can be rejected but never approved. Reads only: nothing to compensate.
 */
export const validateConversionReviewStep = createStep(
  "validate-affiliate-conversion-review",
  async ({ id, action, reason }: ReviewConversionInput, { container, context }) => {
    if (action === "reject" && !reason?.trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason is required to reject a conversion")
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const conversion = await service.retrieveAffiliateConversion(id, { select: ["id", "status", "status_reason", "is_test"] }, context)
    if (conversion.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Conversion ${id} is ${conversion.status}: only pending conversions can be approved or rejected`
      )
    }
    if (action === "approve" && conversion.is_test) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Conversion ${id} is a test conversion: test conversions are never commissionable and cannot be approved`
      )
    }
    return new StepResponse({ id: conversion.id, status_reason: conversion.status_reason ?? null })
  }
)
