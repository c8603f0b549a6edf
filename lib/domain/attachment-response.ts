/**
 * Builds the attachment route's response from an upstream body: the type comes from the first
 * bytes (attachment-type.ts), never from the sender; anything not allow-listed is a download.
 * The body streams on untouched after the peeked bytes.
 */
import contentDisposition from 'content-disposition';
import { SNIFF_BYTES, sniffInlineType } from './attachment-type';

/** Carried by every response of the attachment route, errors included. */
export const ATTACHMENT_SECURITY_HEADERS = {
  'content-security-policy': "sandbox; default-src 'none'",
  'x-content-type-options': 'nosniff',
} as const;

export async function attachmentResponse(body: ReadableStream<Uint8Array>, name: string | undefined): Promise<Response> {
  const { head, rest } = await peek(body, SNIFF_BYTES);
  const inlineType = sniffInlineType(head);
  const headers = new Headers({
    ...ATTACHMENT_SECURITY_HEADERS,
    'content-type': inlineType ?? 'application/octet-stream',
    // RFC 6266 / 5987: an ASCII fallback plus filename*=UTF-8'' for names like 报告.pdf.
    'content-disposition': contentDisposition(name?.trim() || undefined, { type: inlineType ? 'inline' : 'attachment' }),
    'cache-control': 'private, max-age=300',
  });
  return new Response(rest, { status: 200, headers });
}

/** Reads at least `bytes` (or everything, if shorter) and returns them with a stream of the whole body. */
async function peek(body: ReadableStream<Uint8Array>, bytes: number): Promise<{ head: Uint8Array; rest: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.byteLength;
  }
  const head = Buffer.concat(chunks);
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength) controller.enqueue(new Uint8Array(head));
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, rest };
}
