// Files a command writes (`--out`, `--write`): checked before the run starts, never the file it read, written whole or not at all.
import { accessSync, constants, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // Not there yet: the folder must be.
  }
  if (isFolder) throw new UsageError(`${flag} ${path} is a folder: give a file name`);
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${path}: cannot write in ${folder} (no such folder, or not writable)`);
  }
}

/**
 * Writes `text` to `path` whole: into a temporary file beside it, then renamed over it, so that a reader never sees
 * half a file and a failure leaves any earlier file as it was.
 */
export function writeOutputFile(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (e) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
    throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
