// A check box that shows a setting kept in storage.local and saves each change (the auto-fill switch, the
// follow-up reminder).
import { getApi } from "./browser-api.js";

/** Shows `isOn(stored)` in `checkbox`; each change stores the box's state under `key`. */
export async function bindStorageSwitch(checkbox, key, isOn) {
  const storage = getApi().storage.local;
  checkbox.checked = isOn(await storage.get(key).catch(() => ({})));
  checkbox.addEventListener("change", () => void storage.set({ [key]: checkbox.checked }));
}
