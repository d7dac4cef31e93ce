// The Chromium id of the extension, as CMake derived it from the public key (cmake/ExtensionIdentity.cmake writes
// it beside the build folder, as extension-identity.json): the tests use the very id the host allows, never a copy.
import { readFileSync } from "node:fs";
import path from "node:path";
import { paths } from "./paths.js";

export function chromiumExtensionId() {
  return JSON.parse(readFileSync(path.join(path.dirname(paths.extension), "extension-identity.json"), "utf8"))
    .chromium_id;
}
