/** One retention pass: what it removed and when (counts only). */
export type AdminRetentionRun = {
  id: string
  status: "running" | "finished" | "failed"
  started_at: string
  finished_at: string | null
  /** The settings it ran with. */
  request_log_days: number
  click_details_grace_days: number
  request_logs_deleted: number
  clicks_cleared: number
  error: string | null
}

/** `GET /admin/affiliate/retention`: the settings and the latest 20 runs, newest first. */
export type AdminRetentionResponse = {
  /** Request-log rows older than this many days are deleted (0: kept forever). */
  request_log_days: number
  /** Clicks lose their visitor details this many days after their attribution window. */
  click_details_grace_days: number
  runs: AdminRetentionRun[]
}

/** `POST /admin/affiliate/retention/run`: the pass runs on after the answer. */
export type AdminRunRetentionResponse = { status: "started" }
