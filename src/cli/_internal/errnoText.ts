/**
 * Words for the system error codes a file operation can end with, so that no message
 * shows a bare `EACCES`. Codes not listed fall back to "system error CODE".
 * @internal
 */
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'already exists',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EBUSY: 'device or resource busy',
  ETXTBSY: 'text file busy',
  EXDEV: 'crosses file systems',
  EINVAL: 'invalid argument',
  ENXIO: 'no such device or address',
  EPIPE: 'the reader closed the pipe',
  EAGAIN: 'resource temporarily unavailable',
};

/** The system error code of `e` (`ENOENT`, …), or undefined. @internal */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * A system error in words: `errnoText(e)` for an error of `fs`, e.g. "permission denied".
 * @example errnoText({ code: 'ENOSPC' }) // returns 'no space left on the device'
 * @internal
 */
export function errnoText(e: unknown): string {
  const code = errnoCode(e);
  if (code === undefined) return e instanceof Error ? e.message : String(e);
  return WORDS[code] ?? `system error ${code}`;
}
