// The one switch "Fill Meta's objection form automatically" (popup and full page), kept in storage.local; the
// content script reads it and follows its changes. Absent means on: auto-fill is on by default.
import { bindStorageSwitch } from "./storage-switch.js";

export const AUTOFILL_KEY = "autofill";

/** Whether auto-fill is on, from what storage.local holds under AUTOFILL_KEY. */
export const autofillEnabled = (stored) => stored?.[AUTOFILL_KEY] !== false;

/** Shows the setting in `checkbox` and saves each change. */
export const bindAutofillSwitch = (checkbox) => bindStorageSwitch(checkbox, AUTOFILL_KEY, autofillEnabled);
