// The files a fuzz or fault case finds in its sandbox: valid inputs, an existing output, a
// folder, a FIFO, a character device of its own (mknod, root only), links, a small valid
// network, and an existing trained network that `qsdl train` must refuse to replace.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether this process may make device nodes (mknod needs root). */
export const CAN_MKNOD = process.getuid?.() === 0;

/** A network file pair of shapes [[h, 784], [10, h]] (valid: 784 pixels in, 10 classes out). */
export function smallNetwork(dir: string, stem: string, hidden = 4, seed = 1): void {
  const n = hidden * 784 + 10 * hidden;
  const bytes = Buffer.alloc(4 * n);
  let s = seed;
  for (let i = 0; i < n; i += 1) {
    s = (s * 1103515245 + 12345) % 2 ** 31; // any reproducible weights will do
    bytes.writeFloatLE(s / 2 ** 31 - 0.5, 4 * i);
  }
  writeFileSync(join(dir, `${stem}.f32`), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(dir, `${stem}.json`), JSON.stringify({ shapes: [[hidden, 784], [10, hidden]], command: 'test network', cleanTestAccuracyPercent: null, sha256 }));
}

/** A new sandbox folder with the standard files. */
export function makeSandbox(prefix = 'qsdl-sandbox-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'w.csv'), 'mu,loss-db,excess-noise\n4,0,0.0025\n1,3,0\n');
  writeFileSync(join(dir, 'd.csv'), 'gain,inputs\n1.2,784\n2,100\n');
  writeFileSync(join(dir, 'existing.csv'), 'old content\n');
  mkdirSync(join(dir, 'dir'));
  spawnSync('mkfifo', [join(dir, 'fifo')]);
  if (CAN_MKNOD) spawnSync('mknod', [join(dir, 'dev'), 'c', '1', '3']); // a null device of our own: never /dev itself
  symlinkSync('existing.csv', join(dir, 'link.csv'));
  symlinkSync('nowhere.csv', join(dir, 'dangling'));
  smallNetwork(dir, 'net');
  mkdirSync(join(dir, 'trained'));
  smallNetwork(join(dir, 'trained'), 'mnist-784-784-10');
  return dir;
}
