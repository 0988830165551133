import { ExclamationCircle } from "@medusajs/icons"
import { Button, Skeleton, Text, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { errorMessage } from "../lib/format"

export const LoadingState = ({ rows = 4 }: { rows?: number }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4" aria-busy="true" aria-label="Loading">
    {Array.from({ length: rows }, (_, i) => (
      <Skeleton key={i} className="h-7 w-full" />
    ))}
  </div>
)

/** Shows the error in place (with Retry) and once as a toast. */
export const ErrorState = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const message = errorMessage(error)
  useEffect(() => {
    toast.error(message)
  }, [message])
  return (
    <div role="alert" className="flex flex-col items-center gap-y-3 px-6 py-10 text-center">
      <ExclamationCircle className="text-ui-fg-error" />
      <Text size="small" className="text-ui-fg-subtle">
        {message}
      </Text>
      {onRetry && (
        <Button size="small" variant="secondary" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  )
}

export const EmptyState = ({ title, description, action }: { title: string; description?: string; action?: React.ReactNode }) => (
  <div className="flex flex-col items-center gap-y-2 px-6 py-10 text-center">
    <Text size="small" weight="plus">
      {title}
    </Text>
    {description && (
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    )}
    {action}
  </div>
)

type ListQuery = { isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown }

/**
 * A list's loading, error (with Retry) and empty states, and once there is data the list itself.
 * The list is a function so that it is only built when the data exists.
 */
export const QueryState = ({ query, isEmpty, empty, children }: { query: ListQuery; isEmpty: boolean; empty: React.ReactNode; children: () => React.ReactNode }) => {
  if (query.isLoading) return <LoadingState />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />
  return <>{isEmpty ? empty : children()}</>
}
