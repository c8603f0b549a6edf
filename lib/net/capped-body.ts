/**
 * Streams a body through unchanged and errors (cancelling the upstream) as soon as more than
 * `maxBytes` have passed: a large download is never buffered to be measured afterwards.
 */
import { TooLargeError } from './errors';

export function capBody(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new TooLargeError(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** The same response with its body capped; refuses at once when Content-Length already says too much. */
export function capResponse(res: Response, maxBytes: number): Response {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void res.body?.cancel();
    throw new TooLargeError(maxBytes);
  }
  const body = res.body && ![204, 205, 304].includes(res.status) ? capBody(res.body, maxBytes) : null;
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
