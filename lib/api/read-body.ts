/**
 * Reads a fetch Request's body, refusing it (413) as soon as it passes `maxBytes`: the whole body
 * is never buffered first, so an anonymous caller cannot make us hold a large one.
 */
import { DomainError } from '@/lib/domain/errors';

export const tooLarge = (maxBytes: number) => new DomainError('payload_too_large', `Request body is too large (at most ${maxBytes} bytes)`, 413);

export async function readBoundedText(req: Request, maxBytes: number): Promise<string> {
  return (await readBoundedBytes(req, maxBytes)).toString('utf8');
}

export async function readBoundedBytes(req: Request, maxBytes: number): Promise<Buffer> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
