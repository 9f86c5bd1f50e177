// Preload for the "als-only" mode of `bench:tracing`: with the SDK off, runs every request an http.Server
// handles inside an AsyncLocalStorage, as the OpenTelemetry context manager does. What this costs
// is the floor of any tracing that keeps context across awaits on this Node version.
'use strict';
const http = require('node:http');
const { AsyncLocalStorage } = require('node:async_hooks');

const storage = new AsyncLocalStorage();
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitInStorage(event, request, response) {
  if (event !== 'request') return Reflect.apply(emit, this, arguments);
  return storage.run({ request }, () => emit.call(this, event, request, response));
};
