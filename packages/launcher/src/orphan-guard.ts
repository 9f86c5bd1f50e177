// Preloaded (`--require`) into a child launched with `stopWithLauncher`. The launcher holds the
// other end of this process's stdin; if the launcher dies without stopping it (kill -9, a crash),
// the pipe closes and the service shuts down as on SIGTERM (draining and flushing spans) instead
// of holding its ports forever.
const stdin = process.stdin;
stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
stdin.resume();
// Reading stdin must not keep a service alive that would otherwise exit.
stdin.unref();

export {};
