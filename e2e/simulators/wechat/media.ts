/** Sample media served by the simulator itself (no external assets), standing in for WeChat's CDN. */
import { type RouteContext, type Router, sendText } from '../http';
import { png } from '../messenger/media';

const SAMPLES: Record<string, { type: string; make: () => Buffer }> = {
  'image.png': { type: 'image/png', make: () => png(160, 120, (x, y) => (((x >> 4) + (y >> 4)) % 2 ? [7, 193, 96] : [237, 237, 237])) },
  // An AMR header and silence frames: enough for an app that stores or forwards voice media.
  'voice.amr': { type: 'audio/amr', make: () => Buffer.concat([Buffer.from('#!AMR\n'), Buffer.alloc(32 * 50, 0x7c)]) },
};
const cache = new Map<string, Buffer>();

export function sampleMedia(name: keyof typeof SAMPLES & string): { bytes: Buffer; type: string } {
  const sample = SAMPLES[name];
  if (!cache.has(name)) cache.set(name, sample.make());
  return { bytes: cache.get(name)!, type: sample.type };
}

export function registerMediaRoutes(router: Router): void {
  router.add('GET', '/_sim/media/:name', ({ params, res }: RouteContext) => {
    if (!Object.hasOwn(SAMPLES, params.name)) return sendText(res, 404, 'no such media');
    const { bytes, type } = sampleMedia(params.name);
    sendText(res, 200, bytes, type, { 'Cache-Control': 'public, max-age=3600' });
  });
}
