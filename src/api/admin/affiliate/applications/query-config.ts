export const applicationFields = [
  "id",
  "name",
  "email",
  "website",
  "promotion_plan",
  "status",
  "confirmed_at",
  "reviewed_at",
  "reviewed_by",
  "rejection_reason",
  "affiliate_id",
  "created_at",
  "updated_at",
]

export const retrieveApplicationTransformQueryConfig = { defaults: applicationFields, allowed: applicationFields, isList: false }
export const listApplicationsTransformQueryConfig = { ...retrieveApplicationTransformQueryConfig, isList: true }
