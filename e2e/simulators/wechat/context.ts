/** The pieces every simulator operation works with, wired once by the server. */
import type { SimClock } from './clock';
import type { ResolvedOptions } from './options';
import type { Pusher } from './pusher';
import type { SimulatorState } from './state';

export interface SimContext {
  options: ResolvedOptions;
  state: SimulatorState;
  clock: SimClock;
  pusher: Pusher;
  /** The simulator's own base URL (PicUrl and sample media point here). */
  baseUrl(): string;
}
