// Where the end-to-end tests find what they test. CTest passes the build tree it runs in
// (NOTRAIN_HOST_BIN, NOTRAIN_EXTENSION_DIR, NOTRAIN_ARTIFACTS_DIR); run by hand, the defaults are the
// README's build folder.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const BUILD = path.join(REPO, "build");

export const paths = Object.freeze({
  host: process.env.NOTRAIN_HOST_BIN ?? path.join(BUILD, "host", "notrain-host"),
  extension: process.env.NOTRAIN_EXTENSION_DIR ?? path.join(BUILD, "extension"),
  artifacts: process.env.NOTRAIN_ARTIFACTS_DIR ?? path.join(BUILD, "test-artifacts", "e2e"),
  fixtures: path.join(REPO, "tests", "fixtures", "pages"),
  siteScripts: path.join(REPO, "tests", "e2e", "site"),
  publicKey: path.join(REPO, "extension", "public-key.der"),
  chromium: process.env.NOTRAIN_CHROMIUM ?? "/usr/lib/chromium/chromium",
  firefox: process.env.NOTRAIN_FIREFOX ?? "/usr/bin/firefox-esr",
});
