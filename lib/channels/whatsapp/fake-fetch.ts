/** Test-only fake of the Cloud API / 360dialog: records requests, answers with provider-shaped responses. */

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | null | undefined;
}

type Responder = (req: RecordedRequest, index: number) => Response | Promise<Response>;

export function fakeFetch(responder: Responder) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const req: RecordedRequest = {
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init?.signal,
    };
    requests.push(req);
    return responder(req, requests.length - 1);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A Cloud API error body exactly as Graph sends it (no error_subcode since v16). */
export function cloudError(code: number, status = 400, details = 'Simulated details', headers: Record<string, string> = {}): Response {
  return json(
    { error: { message: `(#${code}) Simulated error`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: 'AbCdEf123' } },
    status,
    headers,
  );
}

export const accepted = (id = 'wamid.SENT_1', to = '16505551234') =>
  json({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] });
