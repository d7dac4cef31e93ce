#include "evidence_pack.hpp"

#include <cstdio>
#include <map>
#include <unistd.h>
#include <vector>

#include <minizip/zip.h>

#include "private_output.hpp"
#include "sha256.hpp"

namespace notrain {
namespace {

// The report's words, per language of the report (the interface languages of the extension).
const std::map<std::string, std::map<std::string, std::string>>& words() {
  static const std::map<std::string, std::map<std::string, std::string>> table = {
      {"en",
       {{"title", "NoTrain evidence report"},
        {"intro",
         "Confirmations of objections to the use of personal data for AI training, kept by NoTrain on the user's "
         "computer."},
        {"service", "Service"},
        {"seen", "How it was seen"},
        {"page", "The answer on the page, after the user sent the form"},
        {"sent", "form sent at"},
        {"inbox", "Meta's reply in the Support Inbox"},
        {"email", "Confirmation e-mail, imported"},
        {"manual", "Page saved as proof by the user"},
        {"setting", "The platform's own AI-training setting, operated by NoTrain on the user's click and read again"},
        {"captured", "Captured (UTC)"},
        {"saved", "Saved (UTC)"},
        {"address", "Address"},
        {"account", "Account"},
        {"verdict", "What the answer said"},
        {"digest", "SHA-256 digest"},
        {"version", "version"},
        {"chain", "Hash chain"},
        {"position", "position"},
        {"text", "Text as shown"},
        {"check", "Check: unpack this file and run `sha256sum -c SHA256SUMS`; with NoTrain, `notrain-host verify`."}}},
      {"fr",
       {{"title", "Rapport de preuves NoTrain"},
        {"intro",
         "Confirmations d'oppositions à l'utilisation de données personnelles pour l'entraînement de l'IA, conservées "
         "par NoTrain sur l'ordinateur de l'utilisateur."},
        {"service", "Service"},
        {"seen", "Comment elle a été vue"},
        {"page", "Réponse sur la page, après l'envoi du formulaire par l'utilisateur"},
        {"sent", "formulaire envoyé le"},
        {"inbox", "Réponse de Meta dans l'Espace d'assistance"},
        {"email", "E-mail de confirmation importé"},
        {"manual", "Page enregistrée comme preuve par l'utilisateur"},
        {"setting",
         "Le réglage d'entraînement de l'IA de la plateforme, actionné par NoTrain au clic de l'utilisateur et relu"},
        {"captured", "Relevée (UTC)"},
        {"saved", "Enregistrée (UTC)"},
        {"address", "Adresse"},
        {"account", "Compte"},
        {"verdict", "Ce que dit la réponse"},
        {"digest", "Empreinte SHA-256"},
        {"version", "version"},
        {"chain", "Chaîne d'empreintes"},
        {"position", "position"},
        {"text", "Texte tel qu'affiché"},
        {"check",
         "Vérification : décompressez ce fichier et lancez `sha256sum -c SHA256SUMS` ; avec NoTrain, `notrain-host "
         "verify`."}}},
      {"nl",
       {{"title", "NoTrain-bewijsrapport"},
        {"intro",
         "Bevestigingen van bezwaren tegen het gebruik van persoonsgegevens voor het trainen van AI, door NoTrain "
         "bewaard op de computer van de gebruiker."},
        {"service", "Dienst"},
        {"seen", "Hoe ze is gezien"},
        {"page", "Antwoord op de pagina, nadat de gebruiker het formulier verstuurde"},
        {"sent", "formulier verstuurd op"},
        {"inbox", "Antwoord van Meta in de Support Inbox"},
        {"email", "Bevestigingsmail, geïmporteerd"},
        {"manual", "Pagina door de gebruiker als bewijs bewaard"},
        {"setting",
         "De eigen AI-trainingsinstelling van het platform, op klik van de gebruiker door NoTrain bediend en opnieuw "
         "gelezen"},
        {"captured", "Vastgelegd (UTC)"},
        {"saved", "Bewaard (UTC)"},
        {"address", "Adres"},
        {"account", "Account"},
        {"verdict", "Wat het antwoord zei"},
        {"digest", "SHA-256-hash"},
        {"version", "versie"},
        {"chain", "Hashketen"},
        {"position", "positie"},
        {"text", "Tekst zoals getoond"},
        {"check",
         "Controle: pak dit bestand uit en voer `sha256sum -c SHA256SUMS` uit; met NoTrain: `notrain-host verify`."}}},
      {"de",
       {{"title", "NoTrain-Beweisbericht"},
        {"intro",
         "Bestätigungen von Widersprüchen gegen die Nutzung personenbezogener Daten für KI-Training, von NoTrain auf "
         "dem Computer der Person aufbewahrt."},
        {"service", "Dienst"},
        {"seen", "Wie sie gesehen wurde"},
        {"page", "Antwort auf der Seite, nachdem das Formular gesendet wurde"},
        {"sent", "Formular gesendet am"},
        {"inbox", "Antwort von Meta im Support-Postfach"},
        {"email", "Bestätigungs-E-Mail, importiert"},
        {"manual", "Seite als Beweis gespeichert"},
        {"setting",
         "Die KI-Trainingseinstellung der Plattform, auf Klick der Person von NoTrain bedient und erneut gelesen"},
        {"captured", "Erfasst (UTC)"},
        {"saved", "Gespeichert (UTC)"},
        {"address", "Adresse"},
        {"account", "Konto"},
        {"verdict", "Was die Antwort sagt"},
        {"digest", "SHA-256-Prüfsumme"},
        {"version", "Version"},
        {"chain", "Hash-Kette"},
        {"position", "Position"},
        {"text", "Text wie angezeigt"},
        {"check",
         "Prüfung: Datei entpacken und `sha256sum -c SHA256SUMS` ausführen; mit NoTrain: `notrain-host verify`."}}},
  };
  return table;
}

// A setting's label and states as the record keeps them (evidence.hpp, kSettingFormKeys): " (label: on → off)".
std::string setting_change(const nlohmann::json& form) {
  const auto text = [&](const char* key) {
    const auto found = form.is_object() ? form.find(key) : form.end();
    return found != form.end() && found->is_string() ? found->get<std::string>() : std::string("?");
  };
  return " (" + text("label") + ": " + text("before") + " \u2192 " + text("after") + ")";
}

std::string report_language(const PackRequest& request, const std::vector<Confirmation>& records) {
  std::string language = request.language;
  if (language.empty() && !records.empty()) language = records.front().language.substr(0, 2);
  return words().contains(language) ? language : "en";
}

std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

struct Entry {
  std::string name;
  std::string bytes;
};

// The screenshot, whole (the pack is written to a file, not a browser message).
std::string screenshot_bytes(Store& store, const Confirmation& record) {
  std::string bytes;
  for (std::int64_t offset = 0; offset < record.screenshot_size;) {
    const auto chunk = store.screenshot(record.id, offset, 1 << 20);
    if (!chunk || chunk->bytes.empty()) break;
    bytes += chunk->bytes;
    offset += static_cast<std::int64_t>(chunk->bytes.size());
  }
  return bytes;
}

std::string report(const std::vector<Confirmation>& records, const std::vector<std::optional<ChainEntry>>& entries,
                   const std::string& language) {
  const auto& w = words().at(language);
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><title>" +
                     escaped(w.at("title")) +
                     "</title><style>body{font:11pt/1.4 sans-serif;margin:2em}"
                     "th{text-align:left;vertical-align:top;padding-right:1em}td{word-break:break-all}"
                     "pre{white-space:pre-wrap;border:1px solid #999;padding:.5em}section{page-break-inside:avoid}"
                     "</style></head><body>\n<h1>" +
                     escaped(w.at("title")) + "</h1>\n<p>" + escaped(w.at("intro")) + "</p>\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Confirmation& r = records[i];
    std::string seen = w.at(r.content.kind == "page" || !w.contains(r.content.kind) ? "page" : r.content.kind);
    if (r.content.kind == "page" && !r.sent_at.empty()) seen += " (" + w.at("sent") + " " + r.sent_at + ")";
    if (r.content.kind == "setting") seen += setting_change(r.form);
    const auto row = [&](const std::string& label, const std::string& value) {
      return "<tr><th>" + escaped(label) + "</th><td>" + escaped(value.empty() ? "-" : value) + "</td></tr>\n";
    };
    html += "<section><h2>" + escaped(r.content.service) + " #" + std::to_string(r.id) + "</h2>\n<table>\n" +
            row(w.at("seen"), seen) + row(w.at("captured"), r.captured_at) + row(w.at("saved"), r.saved_at) +
            row(w.at("address"), r.content.url) + row(w.at("account"), r.content.account) +
            row(w.at("verdict"), r.verdict) +
            row(w.at("digest"), r.sha256 + " (" + w.at("version") + " " + std::to_string(r.digest_version) + ")") +
            row(w.at("chain"),
                entries[i] ? w.at("position") + " " + std::to_string(entries[i]->seq) + ", " + entries[i]->link : "-") +
            "</table>\n<h3>" + escaped(w.at("text")) + "</h3>\n<pre>" + escaped(r.content.text) + "</pre></section>\n";
  }
  html += "<p>" + escaped(w.at("check")) + "</p>\n</body></html>\n";
  return html;
}

// minizip writes through our own exclusive temporary file (private_output.hpp), never a path it opens itself.
voidpf ZCALLBACK open_descriptor(voidpf opaque, const void* /*filename*/, int /*mode*/) {
  return ::fdopen(::dup(*static_cast<int*>(opaque)), "w+b");
}

void write_zip(int fd, const std::vector<Entry>& entries) {
  zlib_filefunc64_def io;
  fill_fopen64_filefunc(&io);
  int descriptor = fd;
  io.zopen64_file = open_descriptor;
  io.opaque = &descriptor;
  zipFile zip = zipOpen2_64("pack", APPEND_STATUS_CREATE, nullptr, &io);
  if (!zip) throw OutputError("the evidence pack could not be started.");
  zip_fileinfo info{};
  info.tmz_date = {0, 0, 0, 1, 0, 2020};  // a fixed date: the same records give the same pack
  for (const Entry& entry : entries) {
    const bool ok = zipOpenNewFileInZip64(zip, entry.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                          Z_DEFAULT_COMPRESSION, entry.bytes.size() >= 0xFFFFFFFFU) == ZIP_OK &&
                    zipWriteInFileInZip(zip, entry.bytes.data(), static_cast<unsigned>(entry.bytes.size())) == ZIP_OK &&
                    zipCloseFileInZip(zip) == ZIP_OK;
    if (!ok) {
      zipClose(zip, nullptr);
      throw OutputError("writing " + entry.name + " into the evidence pack failed (is the disk full?).");
    }
  }
  if (zipClose(zip, nullptr) != ZIP_OK)
    throw OutputError("the evidence pack could not be finished (is the disk full?).");
}

}  // namespace

std::size_t write_evidence_pack(Store& store, const PackRequest& request, const std::filesystem::path& target) {
  PrivateOutput output(target);
  const std::size_t count = write_evidence_pack(store, request, output.descriptor());
  output.commit();
  return count;
}

std::size_t write_evidence_pack(Store& store, const PackRequest& request, int fd) {
  std::vector<Confirmation> records;
  if (request.id) {
    auto record = store.get(*request.id);
    if (!record) throw std::runtime_error("no stored confirmation has the number " + std::to_string(*request.id) + ".");
    records.push_back(std::move(*record));
  } else {
    store.for_each([&](const Confirmation& record) { records.push_back(record); });
  }
  std::vector<Entry> entries;
  std::vector<std::optional<ChainEntry>> chain;
  for (const Confirmation& record : records) {
    const std::string folder = "confirmation-" + std::to_string(record.id) + "/";
    entries.push_back(
        {folder + "record.json", to_json(record).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"});
    entries.push_back({folder + "text.txt", record.content.text + "\n"});
    if (record.screenshot_size > 0) {
      entries.push_back({folder + (record.screenshot_mime == "image/jpeg" ? "screenshot.jpg" : "screenshot.png"),
                         screenshot_bytes(store, record)});
    }
    const auto entry = store.chain_entry_of(record.id);
    chain.push_back(entry);
    nlohmann::json proof = {
        {"record", record.id}, {"digest", record.sha256}, {"digest_version", record.digest_version}};
    // Everything the link covers, so that anyone can recompute it (the formula is in "link_is").
    if (entry) {
      proof.update({{"position", entry->seq},
                    {"event", entry->event},
                    {"at", entry->at},
                    {"chain_digest", entry->digest},
                    {"fields", entry->fields},
                    {"prev", entry->prev},
                    {"link", entry->link},
                    {"link_is",
                     "SHA-256 (hex) of these lines joined by a line feed: notrain-chain-v1, prev, position, event, "
                     "record, at, chain_digest, fields"}});
    }
    if (const auto head = store.chain_head()) proof["head"] = {{"position", head->seq}, {"link", head->link}};
    entries.push_back({folder + "chain.json", proof.dump(2) + "\n"});
  }
  entries.push_back({"report.html", report(records, chain, report_language(request, records))});
  std::string sums;
  for (const Entry& entry : entries) sums += sha256_hex(entry.bytes) + "  " + entry.name + "\n";
  entries.push_back({"SHA256SUMS", sums});
  write_zip(fd, entries);
  return records.size();
}

}  // namespace notrain
