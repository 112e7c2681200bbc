// Preloaded with `node --import` into a build to prove it makes no request to another host: every DNS
// lookup and every socket to a host other than this machine is refused and written to the file named by
// DATELINE_NETWORK_LOG. Plain JavaScript, so it also loads into npm's own Node.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const log = process.env.DATELINE_NETWORK_LOG;
const local = (host) => !host || host === 'localhost' || host === '127.0.0.1' || host === '::1';
const refuse = (what) => {
  if (log) appendFileSync(log, `${process.pid} ${what}\n`);
  return new Error(`no network at build time: ${what}`);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (local(hostname)) return lookup.call(this, hostname, ...rest);
  const callback = rest.at(-1);
  const error = refuse(`dns ${hostname}`);
  if (typeof callback === 'function') process.nextTick(() => callback(error));
  else throw error;
};
dns.promises.lookup = async (hostname, ...rest) => {
  if (local(hostname)) return lookup.__promisify__ ? lookup.__promisify__(hostname, ...rest) : { address: '127.0.0.1', family: 4 };
  throw refuse(`dns ${hostname}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (options.path || local(options.host)) return connect.apply(this, args);
  throw refuse(`connect ${options.host}:${options.port}`);
};
if (log) appendFileSync(log, '');
