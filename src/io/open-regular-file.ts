import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/**
 * Opens a path for reading only if it is a regular file. The type is read from the open handle
 * (without blocking: a FIFO opens at once), so a FIFO or a link to `/dev/zero` is refused before
 * a byte is read, where reading it hung or grew without end.
 */
export async function openRegularFile(file: string): Promise<{ handle: FileHandle; info: Stats } | { reason: string }> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { reason: describeReadError(error) };
  }
  const info = await handle.stat();
  if (info.isFile()) return { handle, info };
  await handle.close();
  const kind = info.isFIFO() ? 'a FIFO' : info.isCharacterDevice() ? 'a character device' : info.isBlockDevice() ? 'a block device' : info.isSocket() ? 'a socket' : info.isDirectory() ? 'a folder' : 'a special file';
  return { reason: `not a regular file (${kind})` };
}

/** `cannot read: no such file or folder`: why a path could not be read, in words. */
export function describeReadError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const known: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EACCES: 'permission denied',
      EISDIR: 'is a folder',
      ENOTDIR: 'not a folder',
      ELOOP: 'too many symbolic links',
    };
    return `cannot read: ${known[code] ?? code}`;
  }
  return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
}
