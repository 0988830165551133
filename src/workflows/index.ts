export * from "./campaigns/workflows/create-campaign"
export * from "./campaigns/workflows/regenerate-api-key"
