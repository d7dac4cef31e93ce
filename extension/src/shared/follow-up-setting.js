// The follow-up reminder's switch (full page), kept in storage.local; the background reads it before notifying.
// Absent means off: notifications are opt-in.
import { bindStorageSwitch } from "./storage-switch.js";

export const FOLLOW_UP_KEY = "followUpNotify";

export const followUpEnabled = (stored) => stored?.[FOLLOW_UP_KEY] === true;

export const bindFollowUpSwitch = (checkbox) => bindStorageSwitch(checkbox, FOLLOW_UP_KEY, followUpEnabled);
