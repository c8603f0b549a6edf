/**
 * Every knob of `npm run bench` in one place. Each load loop below is bounded twice: by a time
 * budget and by a request count, so a stuck or unexpectedly fast target can never run away.
 */
export const SETTINGS = {
  stack: {
    /** A stale build makes the first start run `next build` (about a minute on 2 cores). */
    healthTimeoutMs: 300_000,
    /** The launcher gives its children 15 s to stop, then stops the embedded Postgres. */
    stopTimeoutMs: 40_000,
  },
  ingest: {
    connections: 50,
    warmupSeconds: 2,
    durationSeconds: 10,
    /** Hard cap on requests per autocannon run, far above what 2 cores can do in 10 s. */
    maxRequests: 400_000,
    /** Bodies rotate over this many customers, like a busy page (also spreads the worker's per-customer lock). */
    customers: 1000,
  },
  backlog: {
    /** How long to wait for the worker to process what the ingest phase queued (then it projects). */
    maxWaitMs: 90_000,
    pollMs: 250,
  },
  socket: {
    ratePerSecond: 100,
    durationSeconds: 15,
    /** Customers who already have a conversation before the measured phase starts. */
    existingCustomers: 20,
    /** Every Nth webhook comes from a brand-new customer (new contact + conversation). */
    newCustomerEvery: 4,
    /** After the last webhook, how long to wait for stragglers before counting them missing. */
    graceMs: 10_000,
  },
  reply: {
    count: 100,
    conversations: 10,
    ratePerSecond: 20,
    maxMs: 30_000,
    graceMs: 10_000,
  },
} as const;
