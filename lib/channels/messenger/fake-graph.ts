/** Test-only fake of the Graph API: records requests, answers with Graph-shaped responses. */

export interface RecordedRequest {
  url: URL;
  method: string;
  body: unknown;
  signal: AbortSignal | null | undefined;
}

type Responder = (req: RecordedRequest, index: number) => Response | Promise<Response>;

export function fakeGraph(responder: Responder) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const req: RecordedRequest = {
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init?.signal,
    };
    requests.push(req);
    return responder(req, requests.length - 1);
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

export function graphJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function graphError(code: number, subcode?: number, status = 400, headers: Record<string, string> = {}) {
  return graphJson(
    {
      error: {
        message: `(#${code}) Simulated Graph error`,
        type: 'OAuthException',
        code,
        ...(subcode === undefined ? {} : { error_subcode: subcode }),
        fbtrace_id: 'AbCdEf123',
      },
    },
    status,
    headers,
  );
}
