import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder of stored files: `ab/<id>` for a file and `ab/<id>.thumb` for its thumbnail (two
 * characters of the id per folder, so no folder holds millions of entries), and `tmp/` for
 * uploads being written. Only ids the server made (UUIDs) become paths.
 */
export class FileStore {
  readonly tmp: string;
  constructor(
    readonly root: string,
    /** The largest upload accepted, in bytes. */
    readonly maxBytes: number = 10 * 1024 * 1024,
  ) {
    this.tmp = join(root, 'tmp');
    mkdirSync(this.tmp, { recursive: true });
  }

  path(id: string, variant: 'original' | 'thumb' = 'original'): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`not a file id: ${id.slice(0, 40)}`);
    return join(this.root, id.slice(0, 2), variant === 'thumb' ? `${id}.thumb` : id);
  }
}
