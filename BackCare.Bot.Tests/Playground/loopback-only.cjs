// Loaded with `node --require` into the Playground process so that the check never leaves this machine:
// servers it opens without naming a host listen on 127.0.0.1 (not on every interface), and it may open
// TCP connections to loopback addresses only (so no telemetry, update check or sign-in can go out).
'use strict';
const net = require('node:net');

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);
function isLoopback(host) {
  const h = String(host ?? 'localhost').toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(h);
}

// listen(port[, host][, backlog][, cb]) or listen({ port, host }): only add a host where none was given.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (first, ...rest) {
  if (first !== null && typeof first === 'object') {
    const ipc = 'path' in first || 'fd' in first || 'handle' in first || '_handle' in first;
    if (!ipc && !first.host) first = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof rest[0] !== 'string') rest = ['127.0.0.1', ...rest.filter((a) => a !== undefined && a !== null)];
  } else if (first === undefined || typeof first === 'function') {
    rest = ['127.0.0.1', ...(first ? [first] : []), ...rest];
    first = 0;
  }
  return listen.call(this, first, ...rest);
};

// Every outgoing TCP connection (http, https, websockets) goes through Socket#connect.
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  let target = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof target !== 'object' || target === null) target = { port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined };
  const unixSocket = typeof target.path === 'string' && target.host == null && target.port == null;
  if (!unixSocket && !isLoopback(target.host)) {
    const refusal = Object.assign(new Error(`loopback-only: refused a connection to ${target.host}`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(refusal));
    return this;
  }
  return connect.apply(this, args);
};
