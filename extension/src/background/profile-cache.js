// The user's profile lives in the host; a copy in storage.local lets the form be filled even
// when the host is missing.
const CACHE_KEY = "profile:cache";
const FIELDS = ["email", "country", "language", "name", "objection_text"];

function onlyProfileFields(profile) {
  const out = {};
  for (const field of FIELDS) if (typeof profile?.[field] === "string" && profile[field]) out[field] = profile[field];
  return out;
}

export class ProfileCache {
  constructor({ host, storage }) {
    this.host = host;
    this.storage = storage;
  }

  async cached() {
    return (await this.storage.get(CACHE_KEY))[CACHE_KEY] ?? null;
  }

  // → {profile, source: "host" | "cache" | "none"}
  async get() {
    try {
      const { profile } = await this.host.call("profile.get");
      const clean = onlyProfileFields(profile);
      await this.storage.set({ [CACHE_KEY]: clean });
      return { profile: clean, source: "host" };
    } catch {
      const cached = await this.cached();
      return cached ? { profile: cached, source: "cache" } : { profile: {}, source: "none" };
    }
  }

  // Saves through the host (which validates) and caches what the host kept. Errors propagate.
  async set(profile) {
    const result = await this.host.call("profile.set", { profile: onlyProfileFields(profile) });
    const clean = onlyProfileFields(result?.profile);
    await this.storage.set({ [CACHE_KEY]: clean });
    return { profile: clean };
  }
}
