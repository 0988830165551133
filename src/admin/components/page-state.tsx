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
