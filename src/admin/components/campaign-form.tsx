import { Plug, ServerStack } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Switch, Tabs, Text, toast } from "@medusajs/ui"
import { Field, invalidProps } from "./field"
import { useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import type { AdminCampaign, AdminCreateCampaign, AdminFraudRules, CampaignType } from "../../types/http"
import { DEFAULT_FRAUD_RULES, FraudRulesFields } from "./fraud-rules-fields"
import { useS2sSetup, useSaveCampaign } from "../hooks/api/campaigns"
import { TestConversionResult, useSendTestConversion } from "../hooks/api/test-conversion"
import { fromRuleDrafts, RuleDraft, toRuleDrafts } from "../lib/commission-rules"
import { errorAt, fieldErrors, FieldErrors, hasErrorsUnder } from "../lib/field-errors"
import { CAMPAIGN_TYPE_LABELS, errorMessage, TOOL_TYPE_LABELS } from "../lib/format"
import { CommissionRulesEditor } from "./commission-rules-editor"
import { AffiliateNav } from "./affiliate-nav"
import { ErrorState, LoadingState } from "./page-state"
import { RegenerateApiKey } from "./regenerate-api-key"
import { S2sSetupView } from "./s2s-setup-view"

/** What the form edits: the campaign's fields as the API takes them, the commission as typed. */
type CampaignFormValues = Required<
  Pick<
    AdminCreateCampaign,
    | "name"
    | "type"
    | "tool_type"
    | "target_url"
    | "commission_type"
    | "attribution_window_days"
    | "status"
    | "hold_days"
    | "attribution_precedence"
    | "orders_per_click"
    | "show_order_ids_on_statement"
    | "unique_click_window_minutes"
  >
> & { commission_value: string; currency_code: string | null; fraud_rules: AdminFraudRules }

const TYPES: CampaignType[] = ["banner", "text", "link", "video"]
const TABS = ["general", "rules", "integration"]

function initialValues(campaign: AdminCampaign | undefined, type: string | null): CampaignFormValues {
  if (campaign) {
    return {
      name: campaign.name,
      type: campaign.type,
      tool_type: campaign.tool_type,
      target_url: campaign.target_url,
      commission_type: campaign.commission_type,
      commission_value: String(campaign.commission_value),
      currency_code: campaign.currency_code,
      attribution_window_days: campaign.attribution_window_days,
      status: campaign.status,
      hold_days: campaign.hold_days,
      attribution_precedence: campaign.attribution_precedence,
      orders_per_click: campaign.orders_per_click,
      show_order_ids_on_statement: campaign.show_order_ids_on_statement,
      unique_click_window_minutes: campaign.unique_click_window_minutes ?? 60,
      fraud_rules: { ...DEFAULT_FRAUD_RULES, ...campaign.fraud_rules },
    }
  }
  return {
    name: "",
    type: TYPES.includes(type as CampaignType) ? (type as CampaignType) : "link",
    tool_type: "sale",
    target_url: "",
    commission_type: "percentage",
    commission_value: "10",
    currency_code: null,
    attribution_window_days: 30,
    status: "active",
    hold_days: 30,
    attribution_precedence: "coupon",
    orders_per_click: "every",
    show_order_ids_on_statement: false,
    unique_click_window_minutes: 60,
    fraud_rules: DEFAULT_FRAUD_RULES,
  }
}

/** A whole number of days, 365 at most. */
const DaysInput = ({ id, min, value, onChange }: { id: string; min: number; value: number; onChange: (days: number) => void }) => (
  <Input id={id} type="number" min={min} max={365} value={String(value)} onChange={(e) => onChange(Number(e.target.value))} />
)

/**
 * The campaign form (seed 000): "General Settings", "Commission Rules" and "Integration Setup" tabs.
 * "Save" stays on the form (a new campaign moves to its edit address, keeping the tab); "Save &
 * Close" returns to the list. A refusal's problems are shown next to the fields they name.
 */
export const CampaignForm = ({ campaign }: { campaign?: AdminCampaign }) => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const [values, setValues] = useState<CampaignFormValues>(() => initialValues(campaign, params.get("type")))
  const [rules, setRules] = useState<RuleDraft[]>(() => toRuleDrafts(campaign?.commission_rules))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [tab, setTab] = useState(TABS.includes(params.get("tab") ?? "") ? params.get("tab")! : "general")
  const [testResult, setTestResult] = useState<TestConversionResult | null>(null)
  const save = useSaveCampaign()
  const sendTest = useSendTestConversion()
  const setup = useS2sSetup(campaign?.id)

  const set = <K extends keyof CampaignFormValues>(key: K, value: CampaignFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors(({ [key]: _, ...rest }) => rest)
  }
  // The API names a rule by its place: once rules change, its problems no longer point at them.
  const changeRules = (next: RuleDraft[]) => {
    setRules(next)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => !path.startsWith("commission_rules"))))
  }
  const error = (path: string) => errorAt(errors, path)

  const submit = async (close: boolean) => {
    if (!values.name.trim() || !values.target_url.trim()) {
      setTab("general")
      toast.error("Campaign Name and Target URL are required")
      return
    }
    const body: AdminCreateCampaign = {
      ...values,
      commission_value: values.commission_value.trim(),
      currency_code: values.commission_type === "flat" ? values.currency_code || null : null,
      commission_rules: fromRuleDrafts(rules),
      attribution_window_days: Number(values.attribution_window_days),
      hold_days: Number(values.hold_days),
      unique_click_window_minutes: Number(values.unique_click_window_minutes),
    }
    try {
      const { campaign: saved } = await save.mutateAsync({ id: campaign?.id, body })
      setErrors({})
      // New rules now have the server's ids: a second Save keeps them.
      setRules(toRuleDrafts(saved.commission_rules))
      toast.success(campaign ? "Campaign saved" : "Campaign created")
      if (close) {
        navigate("/affiliate")
      } else if (!campaign) {
        navigate(`/affiliate/campaigns/${saved.id}/edit?tab=${tab}`, { replace: true })
      }
    } catch (e) {
      const problems = fieldErrors(errorMessage(e))
      setErrors(problems)
      if (hasErrorsUnder(problems, "commission_rules") && !Object.keys(problems).some((p) => !p.startsWith("commission_rules"))) setTab("rules")
      else if (Object.keys(problems).length) setTab("general")
      toast.error(errorMessage(e))
    }
  }

  const onSendTest = () => {
    if (!campaign || !setup.data) return
    if (!setup.data.api_key) {
      toast.error(setup.data.key_problem ?? "The API key cannot be shown")
      return
    }
    setTestResult(null)
    sendTest.mutate(
      { id: campaign.id, apiKey: setup.data.api_key, currency: campaign.currency_code || "usd" },
      {
        onSuccess: (r) => {
          setTestResult(r)
          if (r.http >= 400) toast.error("The test conversion was refused: see the answer below")
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  }

  const busy = save.isPending
  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="flex flex-col gap-y-4 p-0">
        <div className="flex items-center justify-between px-6 pt-4">
          <Heading level="h1">{campaign ? `Edit campaign: ${campaign.name}` : `New ${CAMPAIGN_TYPE_LABELS[values.type]}`}</Heading>
        </div>
        <Tabs
          value={tab}
          onValueChange={(v) => {
            setTab(v)
            const next = new URLSearchParams(params)
            next.set("tab", v)
            setParams(next, { replace: true })
          }}
        >
          <Tabs.List className="px-6">
            <Tabs.Trigger value="general">General Settings</Tabs.Trigger>
            <Tabs.Trigger value="rules">
              Commission Rules{rules.length ? ` (${rules.length})` : ""}
            </Tabs.Trigger>
            <Tabs.Trigger value="integration">
              <Plug className="mr-1" />
              Integration Setup
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="general" className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
            <Field label="Campaign Name" id="campaign-name" error={error("name")}>
              <Input
                id="campaign-name"
                value={values.name}
                onChange={(e) => set("name", e.target.value)}
                placeholder="Summer Sale"
                {...invalidProps("campaign-name", error("name"))}
              />
            </Field>
            <Field label="Campaign Type" id="campaign-type">
              <Select value={values.type} onValueChange={(v) => set("type", v as CampaignType)}>
                <Select.Trigger id="campaign-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {TYPES.map((t) => (
                    <Select.Item key={t} value={t}>
                      {CAMPAIGN_TYPE_LABELS[t]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
            <Field
              label="Tool Type"
              id="tool-type"
              hint={
                values.tool_type === "lead"
                  ? "A lead (a sign-up, a form) is reported with its own reference and no order total; its commission is a flat amount."
                  : "What is tracked: Sale Integration is the typical choice for order-based S2S."
              }
            >
              <Select
                value={values.tool_type}
                onValueChange={(v) => {
                  set("tool_type", v as CampaignFormValues["tool_type"])
                  // A lead has no order total to take a percentage of.
                  if (v === "lead") set("commission_type", "flat")
                }}
              >
                <Select.Trigger id="tool-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="sale">{TOOL_TYPE_LABELS.sale}</Select.Item>
                  <Select.Item value="lead">{TOOL_TYPE_LABELS.lead}</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            <Field label="Target URL" id="target-url" hint="Where affiliate links send visitors; click_token is appended." error={error("target_url")}>
              <Input
                id="target-url"
                type="url"
                value={values.target_url}
                onChange={(e) => set("target_url", e.target.value)}
                placeholder="https://shop.example.com/landing"
                {...invalidProps("target-url", error("target_url"))}
              />
            </Field>
            <Field label="Commission Type" id="commission-type" error={error("commission_type")}>
              <Select value={values.commission_type} onValueChange={(v) => set("commission_type", v as CampaignFormValues["commission_type"])}>
                <Select.Trigger id="commission-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="percentage" disabled={values.tool_type === "lead"}>
                    Percentage of the order
                  </Select.Item>
                  <Select.Item value="flat">{values.tool_type === "lead" ? "Flat amount per lead" : "Flat amount per order"}</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            <div className="grid grid-cols-2 gap-4">
              <Field label={values.commission_type === "percentage" ? "Commission (%)" : "Commission"} id="commission-value" error={error("commission_value")}>
                <Input
                  id="commission-value"
                  inputMode="decimal"
                  value={values.commission_value}
                  onChange={(e) => set("commission_value", e.target.value)}
                  {...invalidProps("commission-value", error("commission_value"))}
                />
              </Field>
              {values.commission_type === "flat" && (
                <Field label="Currency" id="currency-code" error={error("currency_code")}>
                  <Input
                    id="currency-code"
                    maxLength={3}
                    value={values.currency_code ?? ""}
                    onChange={(e) => set("currency_code", e.target.value.toLowerCase())}
                    placeholder="usd"
                    {...invalidProps("currency-code", error("currency_code"))}
                  />
                </Field>
              )}
            </div>
            <Field label="Attribution Window (days)" id="attribution-window">
              <DaysInput id="attribution-window" min={1} value={values.attribution_window_days} onChange={(v) => set("attribution_window_days", v)} />
            </Field>
            <Field
              label="Hold Period (days)"
              id="hold-days"
              hint="Pending conversions are approved automatically this many days after they were recorded (your return window), unless rejected or reversed first."
            >
              <DaysInput id="hold-days" min={0} value={values.hold_days} onChange={(v) => set("hold_days", v)} />
            </Field>
            <Field
              label="When an Order Has a Click and a Code"
              id="attribution-precedence"
              hint="An affiliate's promotion code and another affiliate's click in this campaign: who is credited. Never both."
            >
              <Select
                value={values.attribution_precedence}
                onValueChange={(v) => set("attribution_precedence", v as CampaignFormValues["attribution_precedence"])}
              >
                <Select.Trigger id="attribution-precedence">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="coupon">The code's affiliate (the shopper typed it)</Select.Item>
                  <Select.Item value="click">The click's affiliate</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            <Field
              label="Orders Credited per Click"
              id="orders-per-click"
              hint="A shopper's browser keeps the click's token for the whole attribution window. Every order in it earns a conversion, or only the first (later ones are logged as skipped: click_already_converted)."
            >
              <Select value={values.orders_per_click} onValueChange={(v) => set("orders_per_click", v as CampaignFormValues["orders_per_click"])}>
                <Select.Trigger id="orders-per-click">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="every">Every order in the attribution window</Select.Item>
                  <Select.Item value="first">The first order only</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            <div className="flex items-start gap-x-3">
              <Switch
                id="show-order-ids"
                checked={values.show_order_ids_on_statement}
                onCheckedChange={(checked) => set("show_order_ids_on_statement", checked)}
              />
              <div className="flex flex-col">
                <Label htmlFor="show-order-ids" size="small" weight="plus">
                  Show Order IDs on Statements
                </Label>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Affiliates see the order id of each conversion on their statement page. Off: they see amounts and statuses only.
                </Text>
              </div>
            </div>
            <FraudRulesFields
              windowMinutes={values.unique_click_window_minutes}
              onWindowChange={(v) => set("unique_click_window_minutes", v)}
              rules={values.fraud_rules}
              onChange={(rules) => set("fraud_rules", rules)}
              error={error}
            />
            <Field label="Status" id="campaign-status">
              <Select value={values.status} onValueChange={(v) => set("status", v as CampaignFormValues["status"])}>
                <Select.Trigger id="campaign-status">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="active">Active</Select.Item>
                  <Select.Item value="paused">Paused</Select.Item>
                  <Select.Item value="archived">Archived</Select.Item>
                </Select.Content>
              </Select>
            </Field>
          </Tabs.Content>
          <Tabs.Content value="rules" className="flex flex-col gap-y-4 px-6 py-4">
            <Heading level="h2">Commission Rules</Heading>
            <CommissionRulesEditor
              rules={rules}
              onChange={changeRules}
              commissionType={values.commission_type}
              toolType={values.tool_type}
              campaignValue={values.commission_value}
              currency={values.currency_code}
              errors={errors}
            />
          </Tabs.Content>
          <Tabs.Content value="integration" className="flex flex-col gap-y-4 px-6 py-4">
            <Heading level="h2">Choose Your Integration Method</Heading>
            <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
              {/* The only method so far, so always the chosen one. */}
              <button
                type="button"
                aria-pressed="true"
                className="shadow-borders-interactive-with-active bg-ui-bg-base flex flex-col items-start gap-y-1 rounded-lg p-4 text-left"
              >
                <span className="txt-compact-small-plus flex items-center gap-x-2">
                  <ServerStack />
                  S2S API (Server)
                </span>
                <span className="txt-compact-xsmall text-ui-fg-subtle">
                  Server-to-server conversion tracking without cookies or JavaScript.
                </span>
              </button>
            </div>
            {!campaign ? (
              <div role="status" className="bg-ui-bg-subtle rounded-lg p-4">
                <Text size="small">
                  Save this campaign first. Your API key and endpoint documentation will appear here after saving.
                </Text>
              </div>
            ) : setup.isLoading ? (
              <LoadingState rows={3} />
            ) : setup.isError ? (
              <ErrorState error={setup.error} onRetry={() => setup.refetch()} />
            ) : setup.data ? (
              <div className="flex flex-col gap-y-6">
                <S2sSetupView setup={setup.data} />
                <RegenerateApiKey campaignId={campaign.id} />
                <div className="flex flex-col gap-y-2">
                  <div className="flex items-center gap-x-2">
                    <Button type="button" size="small" variant="secondary" isLoading={sendTest.isPending} onClick={onSendTest}>
                      Send test conversion
                    </Button>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      Posts a test conversion (test: true) with a fresh test click to the real endpoint. It is never commissionable.
                    </Text>
                  </div>
                  {testResult && (
                    <pre data-testid="test-conversion-result" className="bg-ui-bg-subtle txt-compact-small overflow-x-auto rounded-md p-3 font-mono">
                      {`HTTP ${testResult.http}\n${JSON.stringify(testResult.body, null, 2)}`}
                    </pre>
                  )}
                </div>
              </div>
            ) : null}
          </Tabs.Content>
        </Tabs>
        <div className="flex justify-end gap-x-2 border-t px-6 py-4">
          <Button variant="secondary" size="small" type="button" onClick={() => navigate("/affiliate")} disabled={busy}>
            Cancel
          </Button>
          <Button variant="secondary" size="small" type="button" onClick={() => submit(false)} isLoading={busy}>
            Save
          </Button>
          <Button size="small" type="button" onClick={() => submit(true)} isLoading={busy}>
            Save & Close
          </Button>
        </div>
      </Container>
    </div>
  )
}
