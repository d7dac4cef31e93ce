// Every browser run gets its own HOME, XDG folders, TMPDIR and profile, so nothing of the machine's
// user (or of another run) is read or written, and a killed browser leaves its litter in a folder we remove.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function createSandbox(label) {
  const root = mkdtempSync(path.join(os.tmpdir(), `notrain-e2e-${label}-`));
  const dir = (name) => {
    const full = path.join(root, name);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const home = dir("home");
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: dir("home/.config"),
    XDG_CACHE_HOME: dir("home/.cache"),
    XDG_DATA_HOME: dir("home/.local/share"),
    XDG_STATE_HOME: dir("home/.local/state"),
    XDG_RUNTIME_DIR: dir("runtime"),
    TMPDIR: dir("tmp"),
    LANG: "C.UTF-8",
  };
  return {
    root,
    home,
    env,
    profile: dir("profile"),
    database: path.join(env.XDG_DATA_HOME, "notrain", "notrain.db"),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
