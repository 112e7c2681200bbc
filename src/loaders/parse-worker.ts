// A worker thread of the loader's parse pool (parse-pool.ts): parses each file it is sent, under the pool's time limit.
import { serveItems } from '../work-sharing.ts';
import { parseFile } from './parse-pool.ts';

serveItems(parseFile);
