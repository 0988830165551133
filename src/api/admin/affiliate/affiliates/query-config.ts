export const affiliateFields = ["id", "code", "name", "email", "status", "metadata", "created_at", "updated_at"]

const allowed = [...affiliateFields, "deleted_at"]

export const retrieveAffiliateTransformQueryConfig = {
  defaults: affiliateFields,
  allowed,
  isList: false,
}

export const listAffiliatesTransformQueryConfig = {
  ...retrieveAffiliateTransformQueryConfig,
  isList: true,
}
