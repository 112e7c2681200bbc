// A worker thread of the loader's parse pool (parse-pool.ts): parses files from the shared counter, then
// posts back what it parsed, by file number.
import { parentPort, workerData } from 'node:worker_threads';
import { parseShare, type ParseJobs } from './parse-pool.ts';

parentPort!.postMessage(parseShare(workerData as ParseJobs));
