// A hung browser must fail the run, not stall it: after `ms` the watchdog kills the browser's whole process
// group (the host it started goes too) and fails the test with the reason.
export function startWatchdog(ms, what, kill) {
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    process.stderr.write(`watchdog: ${what} still running after ${ms / 1000} s, killing it\n`);
    kill();
  }, ms);
  timer.unref();
  return {
    stop: () => clearTimeout(timer),
    get fired() {
      return fired;
    },
  };
}

/** Kills a process group started with `detached: true`; quiet when it is already gone. */
export function killGroup(child, signal = "SIGKILL") {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already exited
  }
}
