/** Pure logic of the template picker: placeholders, parameter labels, and the body as it will be sent. */

// {{1}}, {{ 2 }}, {{first_name}}: the same shape the server counts parameters with.
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export type BodySegment =
  | { kind: 'text'; text: string }
  /** `index` is 0-based into the parameters; `value` null while that parameter is still empty. */
  | { kind: 'param'; index: number; name: string; value: string | null };

/** Distinct placeholder names in parameter order: numbered ones by number, then named ones as they appear. */
export function placeholderNames(body: string | undefined): string[] {
  if (!body) return [];
  const seen = [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]))];
  const numbered = seen.filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b));
  return [...numbered, ...seen.filter((n) => !/^\d+$/.test(n))];
}

/** One label per parameter input: the body's own placeholder ("{{1}}", "{{name}}"), else {{1}}…{{n}}. */
export function parameterLabels(template: { body?: string; parameterCount: number }): string[] {
  const names = placeholderNames(template.body);
  return Array.from({ length: Math.max(0, template.parameterCount) }, (_, i) => `{{${names[i] ?? String(i + 1)}}}`);
}

/** The body split into text and parameter slots, for a preview that highlights what the agent filled in. */
export function bodySegments(body: string, params: string[]): BodySegment[] {
  const order = placeholderNames(body);
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > last) segments.push({ kind: 'text', text: body.slice(last, at) });
    const index = order.indexOf(match[1]);
    const value = params[index]?.trim() ? params[index] : null;
    segments.push({ kind: 'param', index, name: match[1], value });
    last = at + match[0].length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

/** The body as the customer will read it; parameters not filled in yet keep their placeholder. */
export function renderTemplateBody(body: string, params: string[]): string {
  return bodySegments(body, params)
    .map((s) => (s.kind === 'text' ? s.text : (s.value ?? `{{${s.name}}}`)))
    .join('');
}

/** Exactly `count` parameters, keeping what was typed. */
export function resizeParameters(params: string[], count: number): string[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => params[i] ?? '');
}

/** 1-based numbers of the parameters still empty (every parameter is required by the providers). */
export function missingParameters(params: string[], count: number): number[] {
  return resizeParameters(params, count).flatMap((p, i) => (p.trim() ? [] : [i + 1]));
}
