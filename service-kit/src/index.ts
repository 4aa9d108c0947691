// The Express frame every service runs in: the app with its request log, /health and error handling,
// the server that drains on shutdown, and the settings read from the environment. It builds on
// shared-tracing's traced building blocks (logger, HTTP errors, traceresponse, the shutdown the SDK
// flushes in).
export { countFrom, type ListenAddress, listenAddressFrom, urlFrom } from './env-config.js';
export { healthReport } from './health.js';
export { requestLog } from './request-log.js';
export { startServer } from './server.js';
export { finishServiceApp, serviceApp } from './service-app.js';
