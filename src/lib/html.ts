/** Escapes text for HTML content and quoted attribute values: every partner- or applicant-typed value goes through this. */
export const escapeHtml = (value: unknown) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/**
 * A private page's document (the statement, the partner pages): never indexed, sending no
 * referrer (their URLs carry tokens), with its title escaped and the body as given.
 */
export const privatePage = ({ title, style, body }: { title: string; style: string; body: string }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>`
