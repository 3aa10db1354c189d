// The benchmark's kernel thread: runs the reference kernel for the months it is sent, and answers when done.
import { parentPort } from 'node:worker_threads';
import { leedsLikeKernel } from './reference-kernel';

if (!parentPort) throw new Error('kernel-thread.ts runs as a worker thread');
const port = parentPort;
port.on('message', (months: number) => {
  leedsLikeKernel(months, 12345);
  port.postMessage(0);
});
