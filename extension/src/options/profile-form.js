// The profile form: e-mail, country, language, name and objection text, saved in the host
// through "profile-set" (the background keeps a cached copy for filling when the host is away).
import { t, uiLanguage } from "../shared/i18n.js";
import { el, byId } from "../shared/dom.js";
import { ask } from "../shared/messaging.js";
import { countryNames, OBJECTION_COUNTRIES } from "../shared/countries.js";
import { setTextWithCode } from "../shared/host-status.js";
import { PROFILE_LANGUAGES, defaultObjection, isDefaultObjection } from "./default-objections.js";

const FIELDS = ["email", "country", "language", "name", "objection_text"];

function fillCountrySelect(select, language) {
  const doc = select.ownerDocument;
  const names = countryNames(language);
  const byCode = new Map(names.map((entry) => [entry.code, entry.name]));
  select.replaceChildren(el(doc, "option", { value: "", text: t("profile_country_none") }));
  const first = el(doc, "optgroup", { label: t("profile_country_group_objection") });
  for (const { code, name } of names.filter((entry) => OBJECTION_COUNTRIES.includes(entry.code))) {
    first.append(el(doc, "option", { value: code, text: name }));
  }
  const rest = el(doc, "optgroup", { label: t("profile_country_group_other") });
  for (const { code } of names.filter((entry) => !OBJECTION_COUNTRIES.includes(entry.code))) {
    rest.append(el(doc, "option", { value: code, text: byCode.get(code) }));
  }
  select.append(first, rest);
}

function fillLanguageSelect(select, language) {
  const doc = select.ownerDocument;
  let names;
  try {
    names = new Intl.DisplayNames([language, "en"], { type: "language" });
  } catch {
    names = new Intl.DisplayNames(["en"], { type: "language" });
  }
  select.replaceChildren(
    ...PROFILE_LANGUAGES.map((code) => {
      // Each language also in its own name, so that a user finds theirs whatever the interface is.
      const own = new Intl.DisplayNames([code], { type: "language" }).of(code);
      const local = names.of(code);
      return el(doc, "option", { value: code, text: local === own ? local : `${local} — ${own}` });
    }),
  );
}

export class ProfileForm {
  constructor(doc) {
    this.doc = doc;
    this.form = /** @type {HTMLFormElement} */ (byId(doc, "profile-form"));
    this.status = byId(doc, "profile-status");
    this.inputs = {
      email: /** @type {HTMLInputElement} */ (byId(doc, "profile-email")),
      country: /** @type {HTMLSelectElement} */ (byId(doc, "profile-country")),
      language: /** @type {HTMLSelectElement} */ (byId(doc, "profile-language")),
      name: /** @type {HTMLInputElement} */ (byId(doc, "profile-name")),
      objection_text: /** @type {HTMLTextAreaElement} */ (byId(doc, "profile-objection")),
    };
  }

  async start() {
    const language = uiLanguage();
    fillCountrySelect(this.inputs.country, language);
    fillLanguageSelect(this.inputs.language, language);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
    this.inputs.language.addEventListener("change", () => {
      if (!this.inputs.objection_text.value.trim() || isDefaultObjection(this.inputs.objection_text.value)) {
        this.inputs.objection_text.value = defaultObjection(this.inputs.language.value);
      }
    });
    byId(this.doc, "profile-default-text").addEventListener("click", () => {
      this.inputs.objection_text.value = defaultObjection(this.inputs.language.value);
      this.inputs.objection_text.focus();
    });
    await this.load();
  }

  async load() {
    const answer = await ask("get-profile").catch(() => ({ profile: {}, source: "none" }));
    this.show(answer.profile ?? {});
    // The host's own problem is said once, at the top of the page: here only where these details are.
    if (answer.source === "waiting") this.setStatus(t("profile_waiting"), "warn");
    else if (answer.source === "cache") this.setStatus(t("profile_from_cache"), "warn");
    else if (answer.source === "none") this.setStatus(t("profile_empty"), "muted");
  }

  show(profile) {
    const primary = uiLanguage().toLowerCase().split("-")[0];
    const language = profile.language?.toLowerCase().split("-")[0];
    this.inputs.email.value = profile.email ?? "";
    this.inputs.country.value = profile.country ?? "";
    this.inputs.language.value = PROFILE_LANGUAGES.includes(language)
      ? language
      : PROFILE_LANGUAGES.includes(primary)
        ? primary
        : "en";
    this.inputs.name.value = profile.name ?? "";
    this.inputs.objection_text.value = profile.objection_text || defaultObjection(this.inputs.language.value);
  }

  values() {
    const profile = {};
    for (const field of FIELDS) {
      const value = this.inputs[field].value.trim();
      if (value) profile[field] = value;
    }
    return profile;
  }

  clearErrors() {
    for (const field of FIELDS) {
      this.inputs[field].removeAttribute("aria-invalid");
      this.doc.querySelector(`[data-field-error="${field}"]`).textContent = "";
    }
  }

  showFieldError(field, hostMessage) {
    const input = this.inputs[field];
    if (!input) return false;
    input.setAttribute("aria-invalid", "true");
    // Our translated sentence when we have one (the host writes English); the host's otherwise.
    const known = t(`error_field_${field}`);
    this.doc.querySelector(`[data-field-error="${field}"]`).textContent =
      known === `error_field_${field}` ? hostMessage : known;
    input.focus();
    return true;
  }

  async save() {
    this.clearErrors();
    this.setStatus(t("profile_saving"), "muted");
    const answer = await ask("profile-set", { profile: this.values() }).catch((error) => ({
      error: { message: String(error) },
    }));
    if (answer.result) {
      this.show(answer.result.profile);
      if (answer.result.stored === "browser") this.setStatus(t("profile_waiting"), "warn");
      else this.setStatus(t("profile_saved"), "ok");
      return true;
    }
    const error = answer.error ?? {};
    if (error.code === 1001 && this.showFieldError(error.data?.field, error.message)) {
      this.setStatus(t("profile_not_saved_field"), "bad");
    } else {
      this.setStatus(`${t("profile_not_saved")} ${t(error.fix_key || "fix_host_error")}`, "bad");
    }
    return false;
  }

  setStatus(text, tone) {
    setTextWithCode(this.status, text);
    this.status.className = tone;
  }
}
