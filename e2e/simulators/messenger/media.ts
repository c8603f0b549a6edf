/**
 * Sample media served by the simulator itself (no external assets), standing in for Meta's CDN,
 * so an app that downloads attachments or profile pictures gets real image bytes.
 */
import { crc32, deflateSync } from 'node:zlib';
import { type RouteContext, type Router, sendText } from '../http';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An RGB PNG whose pixel colours come from paint(x, y). */
export function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, default compression/filter/interlace
  const rows = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // each row starts with filter byte 0
    for (let x = 0; x < width; x++) rows.set(paint(x, y), row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const MEDIA: Record<string, () => Buffer> = {
  'image.png': () => png(160, 120, (x, y) => (((x >> 4) + (y >> 4)) % 2 ? [66, 103, 178] : [233, 235, 238])),
  'avatar.png': () => png(64, 64, (x, y) => ((x - 32) ** 2 + (y - 32) ** 2 < 900 ? [24, 119, 242] : [255, 255, 255])),
};
const cache = new Map<string, Buffer>();

export function registerMediaRoutes(router: Router): void {
  router.add('GET', '/_sim/media/:name', ({ params, res }: RouteContext) => {
    const make = MEDIA[params.name];
    if (!make) return sendText(res, 404, 'no such media');
    if (!cache.has(params.name)) cache.set(params.name, make());
    sendText(res, 200, cache.get(params.name)!, 'image/png', { 'Cache-Control': 'public, max-age=3600' });
  });
}
