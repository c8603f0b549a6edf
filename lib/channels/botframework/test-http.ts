/** Test-only: a fake fetch that records requests and answers from a responder. */

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string;
  signal: AbortSignal | null | undefined;
}

type Responder = (req: RecordedRequest, index: number) => Response | Promise<Response>;

export function fakeHttp(responder: Responder) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const req: RecordedRequest = {
      url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : '', signal: init?.signal,
    };
    requests.push(req);
    return responder(req, requests.length - 1);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const aadError = (code: number, description: string, status = 400) =>
  json({ error: 'unauthorized_client', error_description: `AADSTS${code}: ${description}\r\nTrace ID: 0000\r\nTimestamp: 2026-03-10 12:00:00Z`, error_codes: [code] }, status);

export const tokenResponse = (token: string, expiresIn = 3600) =>
  json({ token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
