import { readFileSync } from "node:fs"
import { join } from "node:path"
import Ajv2020 from "ajv/dist/2020"
import type { AxiosResponse } from "axios"

/** The committed public document, as shops download it and generate clients from it. */
export const publicDocument = JSON.parse(readFileSync(join(__dirname, "../../openapi/public.json"), "utf8"))

// The document's own schemas are not JSON Schema keywords: `strict` would refuse `components`.
// Formats are left to the patterns zod writes beside them.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
ajv.addSchema({ $id: "public.json", components: publicDocument.components })

type DocumentedResponse = {
  headers?: Record<string, { required?: boolean }>
  content?: { "application/json"?: { schema: { $ref?: string } } }
}

/**
 * Asserts that a real answer is one the public document describes for the operation: a
 * documented status, the headers it says are always sent, and a body its JSON Schema accepts.
 */
export function expectDocumented(
  method: "get" | "post" | "delete",
  path: string,
  res: AxiosResponse,
  response: DocumentedResponse | undefined = publicDocument.paths[path]?.[method]?.responses?.[res.status]
) {
  expect({ answer: `${res.status} to ${method.toUpperCase()} ${path}`, documented: !!response }).toEqual({
    answer: `${res.status} to ${method.toUpperCase()} ${path}`,
    documented: true,
  })
  for (const [name, header] of Object.entries(response!.headers ?? {})) {
    if (header.required) expect({ [name]: res.headers[name.toLowerCase()] }).toEqual({ [name]: expect.any(String) })
  }
  const schema = response!.content?.["application/json"]?.schema
  if (!schema) return
  const validate = schema.$ref ? ajv.getSchema(`public.json${schema.$ref}`)! : ajv.compile(schema)
  validate(res.data)
  expect({ body: res.data, errors: validate.errors ?? [] }).toEqual({ body: res.data, errors: [] })
}
