/*
 * The reads the fraud signals need when a conversion is recorded (utils/fraud-signals.ts), as
 * scalar subqueries both recording paths embed: the S2S call in its one prepared read, the store
 * path in the trust repository's. Each is one probe of an index, never a scan of raw clicks.
 * `affiliate` and `ipHash` are SQL expressions (a column, a parameter).
 */

/** The signals the merchant trusts the affiliate for (unique index on (affiliate_id, code) of live trust). */
export const TRUSTED_SIGNALS = (affiliate: string) =>
  `ARRAY(SELECT t.code FROM affiliate_trust t WHERE t.affiliate_id = ${affiliate} AND t.revoked_at IS NULL AND t.deleted_at IS NULL)`

/** Where the affiliate was seen at the IP hash ("application", "portal_login"), or null (unique index on (affiliate_id, ip_hash)). */
export const KNOWN_IP = (affiliate: string, ipHash: string) =>
  `CASE WHEN ${ipHash} IS NULL OR ${affiliate} IS NULL THEN NULL ELSE (SELECT ki.source FROM affiliate_known_ip ki
     WHERE ki.affiliate_id = ${affiliate} AND ki.ip_hash = ${ipHash} AND ki.deleted_at IS NULL LIMIT 1) END`

/** The affiliate's live conversions from the IP hash in the last hour, or null without one (index on (affiliate_id, ip_hash, created_at)). */
export const IP_CONVERSIONS_LAST_HOUR = (affiliate: string, ipHash: string) =>
  `CASE WHEN ${ipHash} IS NULL OR ${affiliate} IS NULL THEN NULL ELSE (SELECT count(*)::int FROM affiliate_conversion cv
     WHERE cv.ip_hash = ${ipHash} AND cv.created_at > now() - interval '1 hour' AND cv.affiliate_id = ${affiliate}
       AND cv.deleted_at IS NULL AND NOT cv.is_test) END`
