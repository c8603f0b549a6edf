/** Test-only fake of the Bot API: records calls, answers with Bot API-shaped JSON. */

export interface RecordedCall {
  url: URL;
  /** The Bot API method (last path segment), or 'file' for downloads. */
  method: string;
  body: any;
  signal: AbortSignal | null | undefined;
}

type Responder = (call: RecordedCall, index: number) => Response | Promise<Response>;

export function fakeBotApi(responder: Responder) {
  const calls: RecordedCall[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const call: RecordedCall = {
      url,
      method: url.pathname.startsWith('/file/') ? 'file' : url.pathname.split('/').pop()!,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init?.signal,
    };
    calls.push(call);
    return responder(call, calls.length - 1);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

export function tgOk(result: unknown, description?: string): Response {
  return Response.json({ ok: true, result, ...(description ? { description } : {}) });
}

export function tgError(errorCode: number, description: string, parameters?: Record<string, unknown>): Response {
  return Response.json({ ok: false, error_code: errorCode, description, ...(parameters ? { parameters } : {}) }, { status: errorCode });
}

/** A sent Message as Telegram returns it (raw JSON text, so ids keep their exact digits). */
export function tgSent(chatId: string, messageId: number, extra = ''): Response {
  return new Response(`{"ok":true,"result":{"message_id":${messageId},"from":{"id":6101234567,"is_bot":true,"first_name":"Acme Support","username":"acme_support_bot"},"chat":{"id":${chatId},"type":"private"},"date":1700000000${extra}}}`, {
    headers: { 'content-type': 'application/json' },
  });
}

export const TOKEN = '6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1';
