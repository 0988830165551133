import { Badge, Button, Container, createDataTableColumnHelper, Heading, Text, toast } from "@medusajs/ui"
import type { AdminAffiliateTrust } from "../../../../../../types/http"
import { ErrorState } from "../../../../../components/page-state"
import { StaticTable } from "../../../../../components/static-table"
import { useAffiliateTrust, useRevokeTrust } from "../../../../../hooks/api/trust"
import { errorMessage, formatDate } from "../../../../../lib/format"
import { SIGNAL_LABELS } from "../../../../../lib/signals"

const column = createDataTableColumnHelper<AdminAffiliateTrust>()

/** The fraud signals the affiliate is trusted for (decided in the review queue), and every earlier decision. */
export const TrustedSignals = ({ affiliateId }: { affiliateId: string }) => {
  const trust = useAffiliateTrust(affiliateId)
  const revoke = useRevokeTrust()
  const columns = [
    column.accessor("code", { header: "Signal", cell: ({ getValue }) => SIGNAL_LABELS[getValue()] ?? getValue() }),
    column.accessor("created_at", { header: "Trusted", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("revoked_at", {
      header: "Status",
      cell: ({ row }) =>
        row.original.revoked_at ? (
          <Badge size="2xsmall">Revoked {formatDate(row.original.revoked_at)}</Badge>
        ) : (
          <Badge size="2xsmall" color="green">
            Trusted
          </Badge>
        ),
    }),
    column.display({
      id: "actions",
      cell: ({ row }) =>
        row.original.revoked_at ? null : (
          <Button
            size="small"
            variant="secondary"
            disabled={revoke.isPending}
            onClick={() =>
              revoke.mutate(
                { affiliateId, code: row.original.code },
                { onSuccess: () => toast.success("The signal is raised again on new conversions"), onError: (e) => toast.error(errorMessage(e)) }
              )
            }
          >
            Stop trusting
          </Button>
        ),
    }),
  ]
  return (
    <Container className="flex flex-col gap-y-2 p-0">
      <div className="flex flex-col gap-y-1 px-6 pt-4">
        <Heading level="h2">Trusted for</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Fraud signals this affiliate's conversions no longer raise. Trust an affiliate for a signal from the review queue.
        </Text>
      </div>
      {trust.isError ? (
        <ErrorState error={trust.error} onRetry={() => trust.refetch()} />
      ) : (
        <StaticTable rows={trust.data?.trust} columns={columns} isLoading={trust.isLoading} empty={{ heading: "Not trusted for any signal", description: "Every signal applies." }} />
      )}
    </Container>
  )
}
