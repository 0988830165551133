/*
 * The fields an API refusal names, read from its message so each problem can be shown next to its
 * field. Medusa's validator writes "Field 'a, 0, b' is required" or "Value for field 'a, 0, b' too
 * big…"; the plugin's own checks start with the path ("commission_rules[1].match.sku: …");
 * several problems are joined with "; ". Paths are dotted: "commission_rules.1.match.sku".
 */

export type FieldErrors = Record<string, string>

export function fieldErrors(message: string): FieldErrors {
  const errors: FieldErrors = {}
  for (const part of message.replace(/^Invalid request:\s*/, "").split("; ")) {
    const path = namedPath(part)
    if (path && !(path in errors)) errors[path] = part
  }
  return errors
}

function namedPath(problem: string): string | null {
  const quoted = problem.match(/field '([^']+)'/)
  if (quoted) return quoted[1].split(", ").join(".")
  const leading = problem.match(/^([a-z_]+(?:\[\d+\]|\.[a-z_]+)*)\b/)
  return leading ? leading[1].replace(/\[(\d+)\]/g, ".$1") : null
}

/** The problem with the field at `path`, or with anything inside it (a list's value). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path]
  const inside = Object.keys(errors).find((key) => key.startsWith(`${path}.`))
  return inside ? errors[inside] : undefined
}

/** Whether any problem is inside `path`. */
export const hasErrorsUnder = (errors: FieldErrors, path: string) =>
  Object.keys(errors).some((key) => key === path || key.startsWith(`${path}.`))
