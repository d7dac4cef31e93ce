// Which platforms beyond Meta NoTrain may work on: exactly those whose origins the user granted (optional host
// permissions, asked for on the full page). The platform's content script is registered while the grant lasts and
// unregistered when it goes, whoever removed it (the full page, or the browser's own extension settings); so is the
// form engine's content script on the platform's objection form, if it has one (LinkedIn's), on that form's address
// only. Nothing of this is visible to pages: no web-accessible resources, and nothing runs on a platform not enabled.
import { platformFormPatterns, platformMatchPatterns, platforms } from "../shared/platforms.js";
import { PLATFORM_SCRIPT } from "./platform-settings.js";

export const SCRIPT_PREFIX = "notrain-platform-";
// The content script that fills Meta's forms (manifest.json) is the one that fills a platform's objection form.
export const FORM_SCRIPT = "content.js";

export class PlatformAccess {
  /**
   * @param {{ permissions: { contains(permissions: { origins: string[] }): Promise<boolean> },
   *   scripting: import("../shared/browser-api.js").ContentScripts }} api
   */
  constructor({ permissions, scripting }) {
    this.permissions = permissions;
    this.scripting = scripting;
    /** @type {Promise<unknown>} */
    this.syncing = Promise.resolve();
  }

  /** Whether the user granted NoTrain the platform's origins. */
  async enabled(name) {
    const platform = platforms.find((p) => p.name === name);
    if (!platform) return false;
    return this.permissions.contains({ origins: platformMatchPatterns(platform) }).catch(() => false);
  }

  /** Each platform's state and its setting's page: [{ name, label, enabled, page }]. */
  async list() {
    return Promise.all(
      platforms.map(async (platform) => ({
        name: platform.name,
        label: platform.label,
        enabled: await this.enabled(platform.name),
        page: platform.settings[0]?.page ?? null,
        objectionForm: platform.objection_form?.page ?? null,
      })),
    );
  }

  /** Registers the content script of every enabled platform and unregisters the others'. One sync at a time. */
  sync() {
    this.syncing = this.syncing.then(
      () => this.#sync(),
      () => this.#sync(),
    );
    return this.syncing;
  }

  async #sync() {
    const registered = new Set(
      (await this.scripting.getRegisteredContentScripts())
        .map((script) => script.id)
        .filter((id) => id.startsWith(SCRIPT_PREFIX)),
    );
    const add = [];
    const remove = [];
    for (const platform of platforms) {
      const wanted = await this.enabled(platform.name);
      for (const script of registrations(platform)) {
        if (wanted && !registered.has(script.id)) add.push(script);
        if (!wanted && registered.has(script.id)) remove.push(script.id);
        registered.delete(script.id);
      }
    }
    remove.push(...registered); // a platform no longer in the rules
    if (remove.length) await this.scripting.unregisterContentScripts({ ids: remove });
    if (add.length) await this.scripting.registerContentScripts(add);
    return { registered: add.map((script) => script.id), unregistered: remove };
  }
}

// The platform's setting script on all its hosts; the form script on its objection form only. A platform's name
// has no ".", so the form script's id is never another platform's.
/** @returns {import("../shared/browser-api.js").ContentScript[]} */
function registrations(platform) {
  /** @returns {import("../shared/browser-api.js").ContentScript} */
  const script = (id, js, matches) => ({
    id,
    js: [js],
    matches,
    runAt: "document_idle",
    allFrames: false,
    persistAcrossSessions: true,
  });
  const id = `${SCRIPT_PREFIX}${platform.name}`;
  const form = platformFormPatterns(platform);
  return [
    script(id, PLATFORM_SCRIPT, platformMatchPatterns(platform)),
    ...(form.length ? [script(`${id}.form`, FORM_SCRIPT, form)] : []),
  ];
}
