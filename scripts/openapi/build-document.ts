import { z } from "@medusajs/framework/zod"

/*
 * Turns a list of operations, described with the zod schemas the routes validate with and answer
 * with, into an OpenAPI 3.1 document. Schemas become JSON Schema (2020-12, the dialect of OpenAPI
 * 3.1) through zod's own `z.toJSONSchema`; nothing in the documents is written by hand but prose.
 */

/** The package version the documents describe; a test keeps it equal to package.json's. */
export const API_VERSION = "0.1.0"

export type JsonSchema = { [key: string]: unknown }
export type HttpMethod = "get" | "post" | "delete"
export type SecurityRequirement = Record<string, string[]>

export type Answer = {
  description: string
  /** The JSON body. With `name` it becomes a component of the document and is referenced. */
  body?: z.ZodType
  name?: string
  /** Response headers: name → description, or `{ description, optional: true }` for one not always sent. */
  headers?: Record<string, string | { description: string; optional: true }>
  /** Other media types than JSON (a CSV download, an HTML page): media type → its schema. */
  media?: Record<string, JsonSchema>
}

export type Operation = {
  method: HttpMethod
  /** The OpenAPI path: Medusa's `[id]` folder is `{id}` here. */
  path: string
  operationId: string
  summary: string
  description?: string
  tags: string[]
  /** Omitted: the document's default; `[]`: no authentication. */
  security?: SecurityRequirement[]
  /** A description for each `{param}` of the path (all of them are required). */
  pathParams?: Record<string, string>
  query?: z.ZodObject
  /** Query fields the validator takes that a security scheme already describes. */
  queryOmit?: string[]
  cookies?: Record<string, string>
  /** A JSON body (and the same as a form, with `form`); with `name`, a component. */
  body?: { schema: z.ZodType; name?: string; form?: boolean }
  /** Prose for top-level query and body fields the schema leaves undescribed. */
  descriptions?: Record<string, string>
  answers: Record<string, Answer>
}

export type DocumentSpec = {
  info: { title: string; version: string; description: string }
  tags: { name: string; description: string }[]
  securitySchemes: Record<string, JsonSchema>
  security?: SecurityRequirement[]
  /** Answers described once and referenced from prose (e.g. what other methods get). */
  responses?: Record<string, Answer>
  /** Prose for a whole path, across its methods. */
  pathDescriptions?: Record<string, string>
  operations: Operation[]
}

const PATH_PARAM = /\{(\w+)\}/g

/** zod's JSON Schema without the `$schema` key, which an embedded schema does not repeat. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, target: "draft-2020-12" }) as JsonSchema
  return json
}

/**
 * The fields a request must carry. zod's JSON Schema counts a field whose schema begins with a
 * transform (`z.preprocess`, as in Medusa's `createFindParams`) as required even when it takes
 * nothing, so ask each field's schema whether it accepts a missing value.
 */
function requiredFields(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name)
}

/** A request schema: what a client sends, with `required` as the validator decides it. */
function requestSchema(schema: z.ZodType, descriptions: Record<string, string> = {}): JsonSchema {
  const json = jsonSchema(schema, "input")
  if (!(schema instanceof z.ZodObject)) return json
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>
  for (const [name, description] of Object.entries(descriptions)) {
    if (!properties[name]) throw new Error(`No field ${name} to describe`)
    properties[name] = { description, ...properties[name] }
  }
  const required = requiredFields(schema)
  const { required: _zods, ...rest } = json
  return required.length ? { ...rest, required } : rest
}

const isObject = (schema: JsonSchema) => schema.type === "object"

export function buildDocument(spec: DocumentSpec): JsonSchema {
  const schemas: Record<string, JsonSchema> = {}
  /** A named schema goes into components once; the same name for two shapes is a mistake. */
  const refer = (name: string | undefined, json: JsonSchema): JsonSchema => {
    if (!name) return json
    if (schemas[name] && JSON.stringify(schemas[name]) !== JSON.stringify(json)) {
      throw new Error(`Two different schemas are named ${name}`)
    }
    schemas[name] = json
    return { $ref: `#/components/schemas/${name}` }
  }

  const response = (answer: Answer): JsonSchema => ({
    description: answer.description,
    ...(answer.headers && {
      headers: Object.fromEntries(
        Object.entries(answer.headers).map(([name, header]) => [
          name,
          typeof header === "string"
            ? { description: header, required: true, schema: { type: "string" } }
            : { description: header.description, schema: { type: "string" } },
        ])
      ),
    }),
    ...((answer.body || answer.media) && {
      content: {
        ...(answer.body && { "application/json": { schema: refer(answer.name, jsonSchema(answer.body, "output")) } }),
        ...Object.fromEntries(Object.entries(answer.media ?? {}).map(([type, schema]) => [type, { schema }])),
      },
    }),
  })

  const operation = (op: Operation): JsonSchema => {
    const parameters: JsonSchema[] = []
    for (const [, name] of op.path.matchAll(PATH_PARAM)) {
      const description = op.pathParams?.[name]
      if (!description) throw new Error(`${op.operationId}: describe the path parameter ${name}`)
      parameters.push({ name, in: "path", required: true, description, schema: { type: "string" } })
    }
    if (op.query) {
      const query = requestSchema(op.query, op.descriptions)
      const required = (query.required ?? []) as string[]
      for (const [name, field] of Object.entries(query.properties as Record<string, JsonSchema>)) {
        if (op.queryOmit?.includes(name)) continue
        const { description, ...schema } = field
        parameters.push({
          name,
          in: "query",
          ...(required.includes(name) && { required: true }),
          ...(description !== undefined && { description }),
          // Medusa's query parser (qs) reads `created_at[gte]=…` and `metadata[key]=…`.
          ...(isObject(schema) && { style: "deepObject", explode: true }),
          schema,
        })
      }
    }
    for (const [name, description] of Object.entries(op.cookies ?? {})) {
      parameters.push({ name, in: "cookie", description, schema: { type: "string" } })
    }

    let requestBody: JsonSchema | undefined
    if (op.body) {
      const json = requestSchema(op.body.schema, op.descriptions)
      const schema = refer(op.body.name, json)
      const objectFields = Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).filter(([, f]) => isObject(f))
      requestBody = {
        required: true,
        content: {
          "application/json": { schema },
          ...(op.body.form && {
            "application/x-www-form-urlencoded": {
              schema,
              ...(objectFields.length && {
                encoding: Object.fromEntries(objectFields.map(([name]) => [name, { style: "deepObject", explode: true }])),
              }),
            },
          }),
        },
      }
    }

    return {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description && { description: op.description }),
      tags: op.tags,
      ...(op.security && { security: op.security }),
      ...(parameters.length && { parameters }),
      ...(requestBody && { requestBody }),
      responses: Object.fromEntries(Object.entries(op.answers).map(([status, answer]) => [status, response(answer)])),
    }
  }

  const paths: Record<string, JsonSchema> = {}
  for (const op of spec.operations) {
    const item = (paths[op.path] ??= spec.pathDescriptions?.[op.path] ? { description: spec.pathDescriptions[op.path] } : {})
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is described twice`)
    item[op.method] = operation(op)
  }
  const responses = spec.responses
    ? Object.fromEntries(Object.entries(spec.responses).map(([name, answer]) => [name, response(answer)]))
    : undefined

  return {
    openapi: "3.1.0",
    info: { ...spec.info, license: { name: "MIT", identifier: "MIT" } },
    tags: spec.tags,
    ...(spec.security && { security: spec.security }),
    paths,
    components: { schemas, ...(responses && { responses }), securitySchemes: spec.securitySchemes },
  }
}

/** How the documents are written to disk: the committed files are exactly this text. */
export function serializeDocument(document: JsonSchema): string {
  return `${JSON.stringify(document, null, 2)}\n`
}
