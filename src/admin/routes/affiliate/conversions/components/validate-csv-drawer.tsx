import { Button, createDataTableColumnHelper, Drawer, Heading, Label, Select, StatusBadge, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminValidateConversionsResponse, ValidationResult } from "../../../../../types/http"
import { Field } from "../../../../components/field"
import { StaticTable } from "../../../../components/static-table"
import { useValidateConversionsCsv } from "../../../../hooks/api/conversions"
import { useCampaignNames } from "../../../../hooks/use-names"
import { capitalize, errorMessage } from "../../../../lib/format"

type ResultRow = ValidationResult & { id: string; row: number }
const column = createDataTableColumnHelper<ResultRow>()

/** A preview of 10,000 rows would not read: the first ones are shown, failures first. */
const SHOWN_ROWS = 200
const RESULT_COLOR = { updated: "green", unchanged: "grey", not_found: "orange", invalid: "red" } as const
const RESULT_LABEL = { updated: "Updated", unchanged: "Unchanged", not_found: "Not found", invalid: "Invalid" }
const failed = (r: ValidationResult) => r.result === "not_found" || r.result === "invalid"

/**
 * "Validate from CSV" (contract, section 9): a campaign and a file of order_id,status,reason,
 * order_total rows. "Preview" sends it as a dry run and shows each row's result; "Apply" sends the
 * same file for real. A file the API refuses (not UTF-8, unknown columns, too many rows) is shown
 * refused, in its words.
 */
export const ValidateCsvDrawer = ({ onClose }: { onClose: () => void }) => {
  const campaigns = useCampaignNames()
  const validate = useValidateConversionsCsv()
  const [campaignId, setCampaignId] = useState("")
  const [file, setFile] = useState<File | null>(null)
  const [test, setTest] = useState(false)
  const [preview, setPreview] = useState<AdminValidateConversionsResponse | null>(null)
  const [applied, setApplied] = useState<AdminValidateConversionsResponse | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)

  // Another campaign, file or kind of conversion needs a new preview.
  const reset = () => {
    setPreview(null)
    setApplied(null)
    setRefusal(null)
  }
  const send = (dryRun: boolean) => {
    if (!file || !campaignId) return
    setRefusal(null)
    validate.mutate(
      { file, campaign_id: campaignId, dry_run: dryRun, ...(test ? { test: true } : {}) },
      {
        onSuccess: (answer) => {
          if (dryRun) setPreview(answer)
          else {
            setApplied(answer)
            toast.success(`Applied: ${answer.message}`)
          }
        },
        onError: (e) => {
          setRefusal(errorMessage(e))
          toast.error(errorMessage(e))
        },
      }
    )
  }
  const shown = applied ?? preview

  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-describedby={undefined} className="sm:max-w-[720px]">
        <Drawer.Header>
          <Drawer.Title>Validate from CSV</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Text size="small" className="text-ui-fg-subtle">
            Approve, reject or correct a campaign's conversions from a file: a header row with order_id and any of status
            (approved or rejected), reason and order_total; UTF-8; at most 10,000 rows. You see what each row would do before
            anything changes.
          </Text>
          <Field label="Campaign" id="validate-csv-campaign">
            <Select
              value={campaignId}
              onValueChange={(v) => {
                setCampaignId(v)
                reset()
              }}
            >
              <Select.Trigger id="validate-csv-campaign">
                <Select.Value placeholder="Choose a campaign" />
              </Select.Trigger>
              <Select.Content>
                {[...campaigns].map(([id, name]) => (
                  <Select.Item key={id} value={id}>
                    {name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field label="CSV file" id="validate-csv-file">
            <input
              id="validate-csv-file"
              type="file"
              accept=".csv,text/csv"
              className="txt-compact-small file:bg-ui-button-neutral file:shadow-buttons-neutral file:txt-compact-small-plus file:text-ui-fg-base file:mr-3 file:rounded-md file:border-0 file:px-2 file:py-1"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null)
                reset()
              }}
            />
          </Field>
          <div className="flex items-center gap-x-2">
            <Switch
              id="validate-csv-test"
              checked={test}
              onCheckedChange={(on) => {
                setTest(on)
                reset()
              }}
            />
            <Label htmlFor="validate-csv-test" size="small">
              The file lists test conversions
            </Label>
          </div>
          {refusal && (
            <div role="alert" className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2" data-testid="validate-csv-refusal">
              <Text size="small" weight="plus" className="text-ui-fg-error">
                The file was refused: nothing changed
              </Text>
              <Text size="small">{refusal}</Text>
            </div>
          )}
          {shown && <ValidationResults answer={shown} applied={!!applied} />}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {applied ? "Close" : "Cancel"}
            </Button>
          </Drawer.Close>
          {!preview ? (
            <Button size="small" variant="secondary" disabled={!file || !campaignId} isLoading={validate.isPending} onClick={() => send(true)}>
              Preview
            </Button>
          ) : !applied ? (
            <Button size="small" disabled={!preview.counts.updated} isLoading={validate.isPending} onClick={() => send(false)}>
              Apply
            </Button>
          ) : null}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** A validation's counts and each row's result (the file's line number, its order and what it did or would do). */
const ValidationResults = ({ answer, applied }: { answer: AdminValidateConversionsResponse; applied: boolean }) => {
  const rows: ResultRow[] = answer.results.map((r, i) => ({ ...r, id: String(i), row: i + 2 }))
  const ordered = [...rows.filter(failed), ...rows.filter((r) => !failed(r))].slice(0, SHOWN_ROWS)
  const columns = [
    // Sizes in px: the message gets the room, and wraps.
    column.accessor("row", { header: "Line", size: 56, cell: ({ getValue }) => getValue() }),
    column.accessor("order_id", { header: "Order", size: 170, cell: ({ getValue }) => <code className="font-mono" title={getValue()}>{getValue()}</code> }),
    column.accessor("result", {
      header: "Result",
      size: 110,
      cell: ({ getValue }) => <StatusBadge color={RESULT_COLOR[getValue()]}>{RESULT_LABEL[getValue()]}</StatusBadge>,
    }),
    column.accessor("conversion_status", { header: "Status", size: 90, cell: ({ getValue }) => (getValue() ? capitalize(getValue()!) : "-") }),
    column.accessor("commission_amount", { header: "Commission", size: 100, cell: ({ getValue }) => getValue() ?? "-" }),
    column.accessor("message", {
      header: "Message",
      size: 260,
      truncateTooltip: false,
      cell: ({ getValue }) => <span className="block whitespace-normal break-words py-2">{getValue() ?? ""}</span>,
    }),
  ]
  return (
    <section className="flex flex-col gap-y-2" aria-label={applied ? "Applied" : "Preview"} data-testid={applied ? "validate-csv-applied" : "validate-csv-preview"}>
      <Heading level="h3">{applied ? "Applied" : "Preview: nothing has changed yet"}</Heading>
      <Text size="small" weight="plus">
        {applied ? answer.message : `${answer.counts.updated} to update, ${answer.counts.unchanged} unchanged, ${answer.counts.failed} failed`}
      </Text>
      {rows.length > SHOWN_ROWS && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {SHOWN_ROWS} of {rows.length} rows shown, failed ones first.
        </Text>
      )}
      <div className="-mx-6">
        <StaticTable rows={ordered} columns={columns} isLoading={false} empty={{ heading: "No rows", description: "" }} />
      </div>
    </section>
  )
}
