import { Badge, Heading, Table, Text } from "@medusajs/ui"
import type { AdminS2sSetupResponse } from "../../types/http"
import { formatDate } from "../lib/format"
import { CopyButton, CopyField } from "./copy-button"

/** API key, endpoint, parameter table and example cURL: the seed's "What the Form Shows After Saving". */
export const S2sSetupView = ({ setup, compact = false }: { setup: AdminS2sSetupResponse; compact?: boolean }) => (
  <div className="flex flex-col gap-y-6">
    <div className="flex flex-col gap-y-1">
      {setup.api_key ? (
        <CopyField label="API Key" value={setup.api_key} testId="s2s-api-key" />
      ) : (
        <Text size="small" className="text-ui-fg-error" data-testid="s2s-key-problem">
          {setup.key_problem}
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        Your server must send it with every conversion POST (as api_key, the X-API-Key header or a Bearer token).
      </Text>
      {setup.previous_key_expires_at && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          The previous key keeps working until {formatDate(setup.previous_key_expires_at)}.
        </Text>
      )}
    </div>
    <div className="flex flex-col gap-y-1">
      <div className="flex items-center gap-x-2">
        <span className="txt-compact-small-plus text-ui-fg-subtle">Method</span>
        <Badge size="2xsmall" color="blue">
          {setup.method}
        </Badge>
      </div>
      <CopyField label="S2S Endpoint URL" value={setup.endpoint_url} testId="s2s-endpoint-url" />
      {setup.endpoint_url_notice && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="s2s-endpoint-url-notice">
          {setup.endpoint_url_notice}
        </Text>
      )}
    </div>
    {!compact && (
      <>
        <div className="flex flex-col gap-y-2">
          <Heading level="h3">Required Parameters</Heading>
          <Table aria-label="Required Parameters">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Parameter</Table.HeaderCell>
                <Table.HeaderCell>Required</Table.HeaderCell>
                <Table.HeaderCell>Description</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {setup.parameters.map((p) => (
                <Table.Row key={p.name}>
                  <Table.Cell>
                    <code className="font-mono">{p.name}</code>
                  </Table.Cell>
                  <Table.Cell>{p.required ? "Yes" : "No"}</Table.Cell>
                  <Table.Cell className="whitespace-normal py-2">{p.description}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <div className="flex flex-col gap-y-2">
          <div className="flex items-center justify-between">
            <Heading level="h3">Example cURL</Heading>
            <CopyButton value={setup.example_curl} label="Copy Example cURL" />
          </div>
          {/* Wrapped, not scrolled: a sale's body (items, customer_type) is longer than the box. */}
          <pre
            data-testid="s2s-example-curl"
            className="bg-ui-contrast-bg-base text-ui-contrast-fg-primary txt-compact-small whitespace-pre-wrap break-all rounded-lg p-4 font-mono"
          >
            {setup.example_curl}
          </pre>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Answers: {'{"status":"success"}'} when recorded, {'{"status":"duplicate"}'} for an order already recorded,{" "}
            {'{"status":"error","message":"…"}'} otherwise.
          </Text>
        </div>
      </>
    )}
  </div>
)
