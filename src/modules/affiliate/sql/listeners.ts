/*
 * Who wants word of a new conversion besides the host's own subscribers: the plugin's webhooks and
 * partner mails. One definition for the subscribers' own checks (outbox and statements
 * repositories) and for the S2S call's one read, which answers both for the conversion it records
 * (conversions/listeners.ts).
 */

/** Whether an enabled webhook listens for the event `type` (an SQL expression). */
export const WEBHOOK_LISTENS = (type: string) =>
  `EXISTS (SELECT 1 FROM affiliate_webhook w WHERE w.status = 'enabled' AND w.deleted_at IS NULL AND ${type} = ANY(w.events))`

/** Whether the affiliate row `a` wants a mail for each conversion (a test conversion mails nobody). */
export const WANTS_EACH_CONVERSION_MAIL = (a: string) => `${a}.email_notifications = 'each' AND ${a}.deleted_at IS NULL`
