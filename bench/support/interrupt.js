'use strict';
// Ctrl-C (or SIGTERM) ends a benchmark's load in progress; its finally blocks then stop every
// process it started. One controller per process, shared by the benchmark's steps.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());
process.once('SIGTERM', () => interrupt.abort());

/** Throws once the benchmark was interrupted, between steps. */
function checkNotInterrupted() {
  if (interrupt.signal.aborted) throw new Error('interrupted');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { interrupt, checkNotInterrupted, sleep };
