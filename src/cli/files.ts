import { readFile, stat } from 'node:fs/promises';
import { CliInputError } from './io.ts';

/** Reads a UTF-8 text file for a command, refusing huge files and invalid bytes with a named reason. */
export async function readTextFile(path: string, { maxBytes = 100 * 1024 * 1024 } = {}): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new CliInputError([{ path, reason: 'cannot be read (no such file or no permission)' }]);
  }
  if (size > maxBytes)
    throw new CliInputError([{ path, reason: `is ${size} bytes; the limit is ${maxBytes}` }]);
  const bytes = await readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliInputError([{ path, reason: 'is not valid UTF-8 text' }]);
  }
}
