import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { CopyButton } from "../../../../../components/copy-button"
import { useRevokeStatementLink, useRotateStatementLink, useStatementLink } from "../../../../../hooks/api/affiliate-program"
import { errorMessage, formatDate } from "../../../../../lib/format"

/**
 * The affiliate's private statement link: their own figures on a page of this backend, no admin
 * account. Only its hash is stored, so the link is shown once, when it is made; rotating makes a
 * new one and ends the old one, revoking ends it.
 */
export const StatementLink = ({ affiliateId }: { affiliateId: string }) => {
  const link = useStatementLink(affiliateId)
  const rotate = useRotateStatementLink(affiliateId)
  const revoke = useRevokeStatementLink(affiliateId)
  const prompt = usePrompt()
  const [shown, setShown] = useState<string | null>(null)
  const live = link.data?.statement_link

  const make = async () => {
    if (live) {
      const ok = await prompt({
        title: "Rotate the statement link?",
        description: "A new link is made and the current one stops working at once.",
        confirmText: "Rotate",
        cancelText: "Cancel",
      })
      if (!ok) return
    }
    rotate.mutate(undefined, {
      onSuccess: ({ url }) => {
        setShown(url)
        toast.success("Statement link ready: copy it now, it is shown only once")
      },
      onError: (e) => toast.error(errorMessage(e)),
    })
  }
  const end = async () => {
    const ok = await prompt({
      title: "Revoke the statement link?",
      description: "The affiliate's page answers 404 from now on. You can make a new link later.",
      confirmText: "Revoke",
      cancelText: "Cancel",
    })
    if (!ok) return
    revoke.mutate(undefined, {
      onSuccess: () => {
        setShown(null)
        toast.success("Statement link revoked")
      },
      onError: (e) => toast.error(errorMessage(e)),
    })
  }

  return (
    <Container className="flex flex-col gap-y-3">
      <section aria-label="Statement link" className="flex flex-col gap-y-3">
        <Heading level="h2">Statement link</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          A private page for this affiliate: their tracking links, clicks, conversions and commission by day, balance and payouts. No
          customer data. Anyone with the link can read it, so send it to the affiliate only.
        </Text>
        <Text size="small" data-testid="statement-link-state">
          {link.isLoading ? "…" : live ? `A link is active (made ${formatDate(live.created_at)}).` : "No statement link yet."}
        </Text>
        {shown && (
          <div className="flex items-center gap-x-2">
            <code data-testid="statement-link-url" className="bg-ui-bg-subtle txt-compact-xsmall flex-1 overflow-x-auto whitespace-nowrap rounded-md border px-2 py-1 font-mono">
              {shown}
            </code>
            <CopyButton value={shown} label="Copy statement link" />
          </div>
        )}
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={make} isLoading={rotate.isPending}>
            {live ? "Rotate link" : "Create statement link"}
          </Button>
          {live && (
            <Button size="small" variant="secondary" onClick={end} isLoading={revoke.isPending}>
              Revoke
            </Button>
          )}
        </div>
      </section>
    </Container>
  )
}
