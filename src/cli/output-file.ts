// Files a command writes (`--out`, `--write`): checked before the run starts, never the file it read, written whole or not at all.
import { accessSync, constants, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './options';

/** The same file, by device and inode (so `./s.json`, `s.json`, a hard link or a symlink to it all count). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Throws a UsageError naming the flag if the command may not write `path`: it is one of the files the command
 * reads (`inputs`), a folder, or in a folder that does not exist or cannot be written. Called before the run, so a
 * long run never ends in a file it cannot write.
 */
export function checkOutputPath(flag: string, path: string, inputs: string[]): void {
  if (path === '') throw new UsageError(`${flag} needs a file name`);
  for (const input of inputs) {
    if (sameFile(path, input)) throw new UsageError(`${flag} ${path} is the file this command reads (${input}): write to another file, so that nothing you made is lost`);
  }
  const existing = statOrUndefined(path);
  if (existing?.isDirectory()) throw new UsageError(`${flag} ${path} is a folder: give a file name`);
  if (existing?.isFile()) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new UsageError(`${flag} ${path} is read-only: it is left as it is; write to another file`);
    }
  }
  // A device or a pipe (/dev/stdout, a FIFO) is written as it is, not replaced: its folder need not be writable.
  if (existing && !existing.isFile()) return;
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${path}: cannot write in ${folder} (no such folder, or not writable)`);
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes `text` to `path` whole: into a temporary file beside it, then renamed over it, so that a reader never sees
 * half a file and a failure leaves any earlier file as it was. A symbolic link is followed (the file it points to is
 * replaced, the link kept); a device or a pipe (/dev/stdout, /dev/full, a FIFO) is written to directly, never replaced.
 */
export function writeOutputFile(path: string, text: string): void {
  const existing = statOrUndefined(path);
  if (existing && !existing.isFile()) {
    try {
      writeFileSync(path, text);
      return;
    } catch (e) {
      throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
    }
  }
  const target = existing ? realpathSync(path) : path;
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (e) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
    throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
