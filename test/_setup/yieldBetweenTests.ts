import { afterEach } from 'vitest';

// Vitest's worker answers the runner over an RPC with a fixed 60 s timeout. A file of long
// synchronous tests (fast-check properties, Monte Carlo runs) never lets the worker's event
// loop reach its poll phase between tests, so the runner's reply sits unread; on a loaded
// 2-core machine the file's tests together pass 60 s and the timeout fires although every
// test passed ("[vitest-worker]: Timeout calling onTaskUpdate"). One macrotask turn after each
// test lets the reply be read. No single test here runs synchronously for 60 s.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
