import { SquareTwoStack } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"

async function writeClipboard(text: string) {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text)
    return
  }
  // Plain-http hosts other than localhost have no Clipboard API: fall back to a selection.
  const area = document.createElement("textarea")
  area.value = text
  area.style.position = "fixed"
  area.style.opacity = "0"
  document.body.appendChild(area)
  area.select()
  const ok = document.execCommand("copy")
  area.remove()
  if (!ok) throw new Error("The browser refused to copy")
}

/** A "Copy" button; `label` names what it copies for screen readers ("Copy API key"). */
export const CopyButton = ({ value, label }: { value: string; label: string }) => (
  <Button
    type="button"
    size="small"
    variant="secondary"
    aria-label={label}
    onClick={async () => {
      try {
        await writeClipboard(value)
        toast.success("Copied to the clipboard")
      } catch (e) {
        toast.error(`Could not copy: ${(e as Error).message}`)
      }
    }}
  >
    <SquareTwoStack />
    Copy
  </Button>
)

/** A read-only value in monospace with its copy button. */
export const CopyField = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <div className="flex flex-col gap-y-2">
    <span className="txt-compact-small-plus text-ui-fg-subtle">{label}</span>
    <div className="flex items-center gap-x-2">
      <code
        data-testid={testId}
        className="bg-ui-bg-subtle border-ui-border-base txt-compact-small flex-1 overflow-x-auto whitespace-nowrap rounded-md border px-3 py-1.5 font-mono"
      >
        {value}
      </code>
      <CopyButton value={value} label={`Copy ${label}`} />
    </div>
  </div>
)
