import type { FraudRules, Signal, SignalCode } from "../../modules/affiliate/utils/fraud-signals"
import type { BreakdownDimension, BreakdownRow } from "../../modules/affiliate/types"

/** A fraud signal's code (contract, section 11). */
export type AdminSignalCode = SignalCode

/** One fraud signal on a conversion: its code, a reason to read, and its evidence (no shopper data). */
export type AdminSignal = Signal

/** A campaign's `fraud_rules`: thresholds and the signals it does not raise. */
export type AdminFraudRules = FraudRules

/** A decision to trust an affiliate for one signal; revoked ones stay as its history. */
export type AdminAffiliateTrust = {
  id: string
  affiliate_id: string
  code: AdminSignalCode
  /** "user:<id>" of the admin who decided. */
  created_by: string | null
  created_at: string
  revoked_at: string | null
  revoked_by: string | null
}

/** `POST /admin/affiliate/affiliates/:id/trust` body. */
export type AdminTrustAffiliate = { code: AdminSignalCode }
/** The live trust, and how many of the affiliate's pending conversions the signal no longer holds. */
export type AdminTrustAffiliateResponse = { trust: AdminAffiliateTrust; conversions_updated: number }
/** `GET /admin/affiliate/affiliates/:id/trust`: every decision, the newest first. */
export type AdminAffiliateTrustListResponse = { trust: AdminAffiliateTrust[] }
/** `DELETE /admin/affiliate/affiliates/:id/trust/:code`: the trust as revoked. */
export type AdminRevokeTrustResponse = { trust: AdminAffiliateTrust }

export type AdminBreakdownDimension = BreakdownDimension
/** `GET /admin/affiliate/campaigns/:id/breakdown` and `…/affiliates/:id/breakdown`. */
export type AdminBreakdownParams = { by: AdminBreakdownDimension; days?: number }
export type AdminBreakdownRow = BreakdownRow
/** The most clicked key first; from the rollups. */
export type AdminBreakdownResponse = { by: AdminBreakdownDimension; days: number; rows: AdminBreakdownRow[] }
