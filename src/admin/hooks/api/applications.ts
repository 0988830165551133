import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminApplicationListResponse,
  AdminApplicationParams,
  AdminApplicationResponse,
  AdminProgramSettingsResponse,
  AdminUpdateProgramSettingsPayload,
} from "../../../types/http"
import { affiliateQueryKeys, applicationQueryKeys, programSettingsQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

const BASE = "/admin/affiliate/applications"

export function useApplications(query: AdminApplicationParams) {
  return useQuery({
    queryKey: applicationQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminApplicationListResponse>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

/** Approving makes an affiliate: both lists change. */
export function useReviewApplication() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: "approve" | "reject"; body: { code?: string } | { reason: string } }) =>
      sdk.client.fetch<AdminApplicationResponse>(`${BASE}/${id}/${action}`, { method: "POST", body }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: applicationQueryKeys.all })
      client.invalidateQueries({ queryKey: affiliateQueryKeys.all })
    },
  })
}

export function useProgramSettings() {
  return useQuery({
    queryKey: programSettingsQueryKeys.detail("settings"),
    queryFn: () => sdk.client.fetch<AdminProgramSettingsResponse>("/admin/affiliate/settings"),
  })
}

export function useSaveProgramSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminUpdateProgramSettingsPayload) => sdk.client.fetch<AdminProgramSettingsResponse>("/admin/affiliate/settings", { method: "POST", body }),
    // The answer is the saved settings: shown at once, so the form never shows the old ones in between.
    onSuccess: (saved) => client.setQueryData(programSettingsQueryKeys.detail("settings"), saved),
  })
}
