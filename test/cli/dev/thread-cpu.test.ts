// The bench's per-thread CPU split: reading /proc's stat lines, and the threads' times between two readings.
import { describe, expect, it } from 'vitest';
import { cpuSecondsBetween, cpuSecondsOfStat, threadCpuSeconds } from '../../../src/cli/dev/thread-cpu';

describe('thread CPU from /proc', () => {
  it('reads utime + stime (fields 14 and 15, in ticks of 1/100 s) even when the command name holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const line = '4242 (node (worker) 2) R 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 9 0 100 0 0';
    expect(cpuSecondsOfStat(line)).toBeCloseTo(12.9, 10);
    expect(() => cpuSecondsOfStat('garbage')).toThrow('not a /proc stat line: garbage');
  });

  it('counts a thread that started between two readings from zero, and one that ran on by the difference', () => {
    const between = cpuSecondsBetween(new Map([[1, 2.5]]), new Map([[1, 3], [2, 0.25]]));
    expect([...between]).toEqual([[1, 0.5], [2, 0.25]]);
  });

  it.runIf(process.platform === 'linux')('on Linux, this thread is listed and a busy spell shows in its own time', () => {
    const before = threadCpuSeconds()!;
    expect(before.has(process.pid)).toBe(true);
    // Spin until this process has used 0.3 s of CPU: on one thread, so this thread's time grows by about that.
    const start = process.cpuUsage();
    let x = 0;
    for (;;) {
      for (let i = 0; i < 1e6; i++) x += Math.sqrt(i);
      const used = process.cpuUsage(start);
      if (used.user + used.system >= 300_000) break;
    }
    const grown = cpuSecondsBetween(before, threadCpuSeconds()!).get(process.pid)!;
    expect(x).toBeGreaterThan(0);
    // At least 0.3 s less what other threads of the process took meanwhile and two ticks of rounding.
    expect(grown).toBeGreaterThanOrEqual(0.2);
  });
});
