// Builds the extension for tests. The shell's own checks use a copy of the source tree in which
// the page-knowledge parts (content script, rules) are replaced by small stand-ins, so that
// they test the build itself; build-real.test.js builds the real tree.
import { cp, mkdir, mkdtemp, writeFile, rm, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const EXTENSION = path.join(REPO, "extension");

export const STAND_IN_NOTICES = {
  email_prefilled_by_meta: {
    en: "Meta filled in $1.",
    fr: "Meta a rempli $1.",
    nl: "Meta vulde $1 in.",
    de: "Meta hat $1 eingetragen.",
  },
};
export const STAND_IN_SERVICES = {
  services: {
    facebook: {
      label: "Facebook",
      objection_form: "https://www.facebook.com/help/contact/712876720715583",
      other_forms: [],
      privacy_center: "https://www.facebook.com/privacy/genai",
    },
    instagram: {
      label: "Instagram",
      objection_form: "https://help.instagram.com/contact/767264225370182",
      other_forms: [],
      privacy_center: "https://privacycenter.instagram.com/privacy/genai",
    },
  },
};

export async function tempDir(prefix) {
  return mkdtemp(path.join(tmpdir(), prefix));
}

// A copy of the shell's sources with stand-in engine parts; returns its extension folder.
export async function shellSourceCopy() {
  const root = await tempDir("notrain-shell-src-");
  const source = path.join(root, "extension");
  await mkdir(path.join(source, "src", "content"), { recursive: true });
  await mkdir(path.join(source, "rules"), { recursive: true });
  for (const name of ["manifest.json", "build.mjs", "public-key.der", "_locales", "icons"]) {
    await cp(path.join(EXTENSION, name), path.join(source, name), { recursive: true });
  }
  // The engine too: the background matches a platform's setting page by the engine's own rule (engine/setting.js).
  for (const part of ["background", "popup", "options", "shared", "engine"]) {
    await cp(path.join(EXTENSION, "src", part), path.join(source, "src", part), { recursive: true });
  }
  await writeFile(
    path.join(source, "src", "content", "main.js"),
    'const api = globalThis.browser ?? globalThis.chrome;\napi.runtime.sendMessage({ type: "page-state", state: null });\n',
  );
  await writeFile(path.join(source, "src", "content", "lookalike.js"), "globalThis.notrainLookalike = () => null;\n");
  await writeFile(
    path.join(source, "src", "content", "platform-main.js"),
    "globalThis.notrainPlatformStarted = true;\n",
  );
  for (const rules of ["platforms", "emails"])
    await cp(path.join(EXTENSION, "rules", rules), path.join(source, "rules", rules), { recursive: true });
  await writeFile(path.join(source, "rules", "notice-messages.json"), JSON.stringify(STAND_IN_NOTICES));
  await writeFile(path.join(source, "rules", "services.json"), JSON.stringify(STAND_IN_SERVICES));
  await cp(path.join(EXTENSION, "rules", "authorities.json"), path.join(source, "rules", "authorities.json"));
  await cp(path.join(EXTENSION, "rules", "hosts.json"), path.join(source, "rules", "hosts.json")); // e-mail senders' domains
  await cp(path.join(EXTENSION, "rules", "announcements.json"), path.join(source, "rules", "announcements.json"));
  // The full page takes its default objection texts from the rules' templates.
  await writeFile(
    path.join(source, "rules", "index.js"),
    'export const knowledge = { languages: [{ language: "en", templates: { reason: "I object." } }] };\n',
  );
  // The build loads esbuild from the tree it builds; the copy borrows the repository's packages.
  if (existsSync(path.join(REPO, "node_modules")))
    await symlink(path.join(REPO, "node_modules"), path.join(root, "node_modules"), "dir");
  return { root, source, cleanup: () => rm(root, { recursive: true, force: true }) };
}
