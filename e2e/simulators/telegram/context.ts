/** The pieces every simulator operation works with, wired once by createContext. */
import { UpdateDelivery } from './delivery';
import { FileStore } from './files';
import type { ResolvedOptions } from './options';
import { RateLimiter } from './rate-limiter';
import { SimulatorState } from './state';
import { WebhookLog } from './webhook-log';

export interface SimulatorContext {
  options: ResolvedOptions;
  state: SimulatorState;
  files: FileStore;
  log: WebhookLog;
  delivery: UpdateDelivery;
  limiter: RateLimiter;
}

export function createContext(options: ResolvedOptions): SimulatorContext {
  const log = new WebhookLog(options.maxLogEntries);
  return {
    options,
    state: new SimulatorState(),
    files: new FileStore(),
    log,
    delivery: new UpdateDelivery(options, log),
    limiter: new RateLimiter(options),
  };
}
