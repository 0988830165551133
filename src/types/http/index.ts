// The admin API's request and response shapes, one file per resource. Imported by the routes
// under src/api/admin/affiliate and by the admin dashboard: keep them plain types.
export * from "./affiliate"
export * from "./campaign"
export * from "./click"
export * from "./common"
export * from "./conversion"
export * from "./erasure"
export * from "./order-attribution"
export * from "./outbound-delivery"
export * from "./request-log"
export * from "./retention"
export * from "./s2s-setup"
export * from "./stats"
