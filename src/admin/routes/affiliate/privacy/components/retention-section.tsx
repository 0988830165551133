import { Button, Container, createDataTableColumnHelper, Heading, StatusBadge, Text, toast } from "@medusajs/ui"
import type { AdminRetentionRun } from "../../../../../types/http"
import { ErrorState } from "../../../../components/page-state"
import { useRetention, useRunRetention } from "../../../../hooks/api/privacy"
import { errorMessage, formatDate } from "../../../../lib/format"
import { StaticTable } from "../../../../components/static-table"

const column = createDataTableColumnHelper<AdminRetentionRun>()
const STATUS_COLOR = { running: "orange", finished: "green", failed: "red" } as const

const columns = [
  column.accessor("started_at", { header: "Started", cell: ({ getValue }) => formatDate(getValue()) }),
  column.accessor("finished_at", { header: "Finished", cell: ({ getValue }) => formatDate(getValue()) }),
  column.accessor("status", {
    header: "Status",
    cell: ({ row }) => (
      <StatusBadge color={STATUS_COLOR[row.original.status]} title={row.original.error ?? undefined}>
        {row.original.status}
      </StatusBadge>
    ),
  }),
  column.accessor("request_logs_deleted", { header: "Request-log entries deleted", cell: ({ getValue }) => getValue().toLocaleString() }),
  column.accessor("clicks_cleared", { header: "Clicks cleared", cell: ({ getValue }) => getValue().toLocaleString() }),
]

/** What retention keeps, what each run removed and when, and a button to run it now. */
export const RetentionSection = () => {
  const retention = useRetention()
  const run = useRunRetention()
  const running = retention.data?.runs.some((r) => r.status === "running")
  return (
    <Container className="divide-y p-0">
      <section aria-label="Data retention">
        <div className="flex items-start justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading level="h2">Data retention</Heading>
            {retention.data && (
              <Text size="small" className="text-ui-fg-subtle">
                {retention.data.request_log_days
                  ? `Request-log entries are deleted after ${retention.data.request_log_days} days. `
                  : "Request-log entries are kept. "}
                A click's visitor details (user agent, referrer, IP hash, landing URL) are cleared{" "}
                {retention.data.click_details_grace_days} days after its attribution window ends; the click still counts in
                reports. A job runs every hour.
              </Text>
            )}
          </div>
          <Button
            size="small"
            variant="secondary"
            className="shrink-0"
            isLoading={run.isPending || running}
            onClick={() =>
              run.mutate(undefined, {
                onSuccess: () => toast.success("Retention started"),
                onError: (e) => toast.error(errorMessage(e)),
              })
            }
          >
            Run retention now
          </Button>
        </div>
        {retention.isError ? (
          <ErrorState error={retention.error} onRetry={() => retention.refetch()} />
        ) : (
          <StaticTable
            rows={retention.data?.runs}
            columns={columns}
            isLoading={retention.isLoading}
            empty={{ heading: "No retention run yet", description: "The hourly job's runs appear here, with what each removed." }}
          />
        )}
      </section>
    </Container>
  )
}
