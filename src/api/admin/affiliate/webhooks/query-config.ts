import { DELIVERY_FIELDS } from "../outbound-deliveries/query-config"

/** What the admin reads of a webhook: never its secret, which is shown once, when it is made. */
export const WEBHOOK_FIELDS = ["id", "url", "events", "status", "disabled_reason", "consecutive_failures", "created_at", "updated_at"]
export const WEBHOOK_DELIVERY_FIELDS = [...DELIVERY_FIELDS.filter((f) => !["conversion_id", "campaign_id", "method", "is_test"].includes(f)), "webhook_id", "event_type"]
export const listWebhookDeliveriesQueryConfig = { defaults: WEBHOOK_DELIVERY_FIELDS, allowed: WEBHOOK_DELIVERY_FIELDS, isList: true }
