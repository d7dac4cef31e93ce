// Each run keeps what explains a failure under build/test-artifacts/e2e/<run>/: the browser's stderr
// (it names the real cause of a native-messaging failure) and screenshots of what the user saw.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { paths } from "./paths.js";

export function artifactsFor(run) {
  const dir = path.join(paths.artifacts, run.replace(/[^a-z0-9._-]+/gi, "-"));
  rmSync(dir, { recursive: true, force: true }); // only this run's files, never a mix with an older run's
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    file: (name) => path.join(dir, name),
    write: (name, data) => writeFileSync(path.join(dir, name), data),
  };
}
