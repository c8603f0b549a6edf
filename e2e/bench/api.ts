/** Minimal JSON client for Switchboard's REST API (Bearer token), with a timeout on every call. */
export interface ApiResponse<T = unknown> {
  status: number;
  json: T;
}

export async function api<T = unknown>(baseUrl: string, method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<ApiResponse<T>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined && { 'content-type': 'application/json' }),
      ...(opts.token && { authorization: `Bearer ${opts.token}` }),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json: json as T };
}

export async function apiOk<T = unknown>(baseUrl: string, method: string, path: string, expected: number, opts: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await api<T>(baseUrl, method, path, opts);
  if (res.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}
