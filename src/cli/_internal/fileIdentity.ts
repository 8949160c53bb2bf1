import type { Stats } from 'node:fs';

/**
 * A file by device and inode: two names of one file (a hard link, a symbolic link, a
 * path with `..`) have the same identity, two different files never do. @internal
 */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  /** How messages name it, e.g. `--input "points.csv"`. */
  readonly what: string;
}

/** The identity of a file from its stats. @internal */
export function identityOf(st: Stats, what: string): FileIdentity {
  return { dev: st.dev, ino: st.ino, what };
}

/** What kind of file `st` is, in words, for a message. @internal */
export function fileKind(st: Stats): string {
  if (st.isFile()) return 'regular file';
  if (st.isDirectory()) return 'folder';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isFIFO()) return 'FIFO (named pipe)';
  if (st.isSocket()) return 'socket';
  if (st.isSymbolicLink()) return 'symbolic link';
  return 'special file';
}
