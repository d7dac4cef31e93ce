#include "installer/browsers.hpp"

#include <algorithm>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "notrain/identity.hpp"

namespace notrain::installer {
namespace {

// Sources: Chrome's and MDN's native-messaging pages, checked against what KeePassXC, browserpass and
// web-eid install. Adding a browser is one row. Program names are those of the browsers' own Debian
// packages and of Debian's (chromium, firefox-esr).
// Chrome's channels share its system folder and registry key; Brave, Vivaldi and Opera read Chrome's
// registry key on Windows. Snap Chromium and Snap Brave cannot run native hosts, so they have no row.
const std::vector<Browser> kBrowsers = {
    {"google-chrome",
     "Google Chrome",
     Flavour::Chromium,
     Location{Base::XdgConfig, "google-chrome", "google-chrome/NativeMessagingHosts"},
     Location{Base::Absolute, "/opt/google/chrome", "/etc/opt/chrome/native-messaging-hosts"},
     Location{Base::AppSupport, "Google/Chrome", "Google/Chrome/NativeMessagingHosts"},
     Location{Base::Absolute, "/Applications/Google Chrome.app", "/Library/Google/Chrome/NativeMessagingHosts"},
     WindowsKey{R"(Software\Google\Chrome\NativeMessagingHosts)"},
     "/etc/opt/chrome/policies",
     {"google-chrome", "google-chrome-stable"}},
    {"google-chrome-beta",
     "Google Chrome Beta",
     Flavour::Chromium,
     Location{Base::XdgConfig, "google-chrome-beta", "google-chrome-beta/NativeMessagingHosts"},
     Location{Base::Absolute, "/opt/google/chrome-beta", "/etc/opt/chrome/native-messaging-hosts"},
     Location{Base::AppSupport, "Google/Chrome Beta", "Google/Chrome Beta/NativeMessagingHosts"},
     Location{Base::Absolute, "/Applications/Google Chrome Beta.app", "/Library/Google/Chrome/NativeMessagingHosts"},
     WindowsKey{R"(Software\Google\Chrome\NativeMessagingHosts)"},
     "/etc/opt/chrome/policies",
     {"google-chrome-beta"}},
    {"google-chrome-unstable",
     "Google Chrome Dev",
     Flavour::Chromium,
     Location{Base::XdgConfig, "google-chrome-unstable", "google-chrome-unstable/NativeMessagingHosts"},
     Location{Base::Absolute, "/opt/google/chrome-unstable", "/etc/opt/chrome/native-messaging-hosts"},
     Location{Base::AppSupport, "Google/Chrome Dev", "Google/Chrome Dev/NativeMessagingHosts"},
     Location{Base::Absolute, "/Applications/Google Chrome Dev.app", "/Library/Google/Chrome/NativeMessagingHosts"},
     WindowsKey{R"(Software\Google\Chrome\NativeMessagingHosts)"},
     "/etc/opt/chrome/policies",
     {"google-chrome-unstable"}},
    {"chromium",
     "Chromium",
     Flavour::Chromium,
     Location{Base::XdgConfig, "chromium", "chromium/NativeMessagingHosts"},
     Location{Base::Absolute, "/usr/lib/chromium", "/etc/chromium/native-messaging-hosts"},
     Location{Base::AppSupport, "Chromium", "Chromium/NativeMessagingHosts"},
     Location{Base::Absolute, "/Applications/Chromium.app",
              "/Library/Application Support/Chromium/NativeMessagingHosts"},
     WindowsKey{R"(Software\Chromium\NativeMessagingHosts)"},
     "/etc/chromium/policies",
     {"chromium", "chromium-browser"}},
    {"microsoft-edge",
     "Microsoft Edge",
     Flavour::Chromium,
     Location{Base::XdgConfig, "microsoft-edge", "microsoft-edge/NativeMessagingHosts"},
     Location{Base::Absolute, "/opt/microsoft/msedge", "/etc/opt/edge/native-messaging-hosts"},
     Location{Base::AppSupport, "Microsoft Edge", "Microsoft Edge/NativeMessagingHosts"},
     Location{Base::Absolute, "/Applications/Microsoft Edge.app", "/Library/Microsoft/Edge/NativeMessagingHosts"},
     WindowsKey{R"(Software\Microsoft\Edge\NativeMessagingHosts)"},
     "/etc/opt/edge/policies",
     {"microsoft-edge", "microsoft-edge-stable"}},
    // Brave has no settled system folder on Linux or macOS.
    {"brave",
     "Brave",
     Flavour::Chromium,
     Location{Base::XdgConfig, "BraveSoftware/Brave-Browser", "BraveSoftware/Brave-Browser/NativeMessagingHosts"},
     std::nullopt,
     Location{Base::AppSupport, "BraveSoftware/Brave-Browser", "BraveSoftware/Brave-Browser/NativeMessagingHosts"},
     std::nullopt,
     WindowsKey{R"(Software\Google\Chrome\NativeMessagingHosts)"},
     "/etc/brave/policies",
     {"brave-browser", "brave-browser-stable", "brave"}},
    // Vivaldi's Linux system folder follows Chrome's pattern; not confirmed by Vivaldi's documentation.
    {"vivaldi",
     "Vivaldi",
     Flavour::Chromium,
     Location{Base::XdgConfig, "vivaldi", "vivaldi/NativeMessagingHosts"},
     Location{Base::Absolute, "/opt/vivaldi", "/etc/opt/vivaldi/native-messaging-hosts"},
     Location{Base::AppSupport, "Vivaldi", "Vivaldi/NativeMessagingHosts"},
     std::nullopt,
     WindowsKey{R"(Software\Google\Chrome\NativeMessagingHosts)"},
     {},
     {"vivaldi", "vivaldi-stable"}},
    {"opera",
     "Opera",
     Flavour::Chromium,
     Location{Base::XdgConfig, "opera", "opera/NativeMessagingHosts"},
     std::nullopt,
     Location{Base::AppSupport, "Opera", "Opera/NativeMessagingHosts"},
     std::nullopt,
     WindowsKey{R"(Software\Google\Chrome\NativeMessagingHosts)"},
     {},
     {"opera"}},
    // Firefox does not follow XDG_CONFIG_HOME for ~/.mozilla. On macOS its profiles live in "Firefox"
    // but it reads manifests from "Mozilla".
    {"firefox",
     "Firefox",
     Flavour::Firefox,
     Location{Base::Home, ".mozilla", ".mozilla/native-messaging-hosts"},
     Location{Base::Absolute, "/usr/lib/mozilla", "/usr/lib/mozilla/native-messaging-hosts"},
     Location{Base::AppSupport, "Firefox", "Mozilla/NativeMessagingHosts"},
     Location{Base::Absolute, "/Applications/Firefox.app", "/Library/Application Support/Mozilla/NativeMessagingHosts"},
     WindowsKey{R"(Software\Mozilla\NativeMessagingHosts)"},
     {},
     {"firefox", "firefox-esr"}},
    {"librewolf",
     "LibreWolf",
     Flavour::Firefox,
     Location{Base::Home, ".librewolf", ".librewolf/native-messaging-hosts"},
     Location{Base::Absolute, "/usr/lib/librewolf", "/usr/lib/librewolf/native-messaging-hosts"},
     Location{Base::AppSupport, "librewolf", "LibreWolf/NativeMessagingHosts"},
     Location{Base::Absolute, "/Applications/LibreWolf.app",
              "/Library/Application Support/LibreWolf/NativeMessagingHosts"},
     WindowsKey{R"(Software\Mozilla\NativeMessagingHosts)"},
     {},
     {"librewolf"}},
    // Flatpak browsers read manifests inside their sandbox's own home; the host must be reachable
    // from inside the sandbox (doctor warns about that).
    {"flatpak-firefox",
     "Firefox (Flatpak)",
     Flavour::Firefox,
     Location{Base::Home, ".var/app/org.mozilla.firefox",
              ".var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts"},
     std::nullopt,
     std::nullopt,
     std::nullopt,
     std::nullopt,
     {},
     {},
     "org.mozilla.firefox"},
    {"flatpak-chrome",
     "Google Chrome (Flatpak)",
     Flavour::Chromium,
     Location{Base::Home, ".var/app/com.google.Chrome",
              ".var/app/com.google.Chrome/config/google-chrome/NativeMessagingHosts"},
     std::nullopt,
     std::nullopt,
     std::nullopt,
     std::nullopt,
     {},
     {},
     "com.google.Chrome"},
    {"flatpak-chromium",
     "Chromium (Flatpak)",
     Flavour::Chromium,
     Location{Base::Home, ".var/app/org.chromium.Chromium",
              ".var/app/org.chromium.Chromium/config/chromium/NativeMessagingHosts"},
     std::nullopt,
     std::nullopt,
     std::nullopt,
     std::nullopt,
     {},
     {},
     "org.chromium.Chromium"},
};

// Flatpak installs applications per user (under XDG_DATA_HOME) or for the whole system.
constexpr std::string_view kSystemFlatpakApps = "/var/lib/flatpak/app";

std::string getenv_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string(value) : std::string();
}

char separator(Platform platform) { return platform == Platform::Windows ? '\\' : '/'; }

std::string join(Platform platform, std::string_view left, std::string_view right) {
  std::string result(left);
  if (!result.empty() && result.back() != separator(platform)) result += separator(platform);
  result += right;
  return result;
}

std::string base_folder(Base base, Platform platform, const Environment& env) {
  switch (base) {
    case Base::Absolute: return {};
    case Base::Home: return env.home;
    // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored; Chromium does the same.
    case Base::XdgConfig:
      return !env.xdg_config_home.empty() && env.xdg_config_home.front() == '/' ? env.xdg_config_home
                                                                                : join(platform, env.home, ".config");
    case Base::AppSupport: return join(platform, env.home, "Library/Application Support");
  }
  return {};
}

std::string resolve(const Location& location, std::string_view relative, Platform platform, const Environment& env) {
  if (location.base == Base::Absolute) return std::string(relative);
  return join(platform, base_folder(location.base, platform, env), relative);
}

const std::optional<Location>& location_for(const Browser& browser, Platform platform, Scope scope) {
  static const std::optional<Location> none;
  switch (platform) {
    case Platform::Linux: return scope == Scope::User ? browser.linux_user : browser.linux_system;
    case Platform::MacOS: return scope == Scope::User ? browser.macos_user : browser.macos_system;
    case Platform::Windows: return none;
  }
  return none;
}

std::vector<std::string> flatpak_folders(const Browser& browser, const Environment& env) {
  if (browser.flatpak_app.empty()) return {};
  return {join(Platform::Linux, join(Platform::Linux, data_home(env), "flatpak/app"), browser.flatpak_app),
          join(Platform::Linux, kSystemFlatpakApps, browser.flatpak_app)};
}

// The first executable file called `program` in one of PATH's folders, resolved through links.
std::optional<std::filesystem::path> find_program(std::string_view program, const std::string& path) {
  namespace fs = std::filesystem;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find(':', start), path.size());
    const std::string folder = path.substr(start, end - start);
    start = end + 1;
    if (folder.empty() || folder.front() != '/') continue;  // a relative PATH entry depends on where we run
    const fs::path candidate = fs::path(folder) / program;
    std::error_code error;
    if (fs::is_regular_file(candidate, error) && ::access(candidate.c_str(), X_OK) == 0) {
      const fs::path real = fs::canonical(candidate, error);
      return error ? candidate : real;
    }
  }
  return std::nullopt;
}

bool is_snap(const std::filesystem::path& program) { return program.string().rfind("/snap/", 0) == 0; }

// Windows keeps the manifest file wherever the installer likes; the registry points at it. One file
// per flavour, because Chromium and Firefox manifests differ.
Target windows_target(const Browser& browser, const Environment& env, Scope scope) {
  Target target;
  target.browser = &browser;
  target.scope = scope;
  const std::string local =
      !env.local_app_data.empty() ? env.local_app_data : join(Platform::Windows, env.home, R"(AppData\Local)");
  const std::string root = scope == Scope::User ? local : std::string(R"(C:\ProgramData)");
  target.hosts_folder = join(Platform::Windows, join(Platform::Windows, root, R"(NoTrain\NativeMessagingHosts)"),
                             to_string(browser.flavour));
  target.manifest_path = join(Platform::Windows, target.hosts_folder, manifest_file_name());
  const std::string_view hive = scope == Scope::User ? "HKEY_CURRENT_USER" : "HKEY_LOCAL_MACHINE";
  target.registry_key =
      join(Platform::Windows, join(Platform::Windows, hive, browser.windows->key), identity::kHostName);
  return target;
}

}  // namespace

std::string_view to_string(Flavour flavour) { return flavour == Flavour::Chromium ? "chromium" : "firefox"; }

std::string_view to_string(Platform platform) {
  switch (platform) {
    case Platform::Linux: return "linux";
    case Platform::MacOS: return "macos";
    case Platform::Windows: return "windows";
  }
  return "unknown";
}

std::optional<Platform> current_platform() {
#if defined(__linux__)
  return Platform::Linux;
#elif defined(__APPLE__)
  return Platform::MacOS;
#elif defined(_WIN32)
  return Platform::Windows;
#else
  return std::nullopt;
#endif
}

const std::vector<Browser>& browsers() { return kBrowsers; }

const Browser* find_browser(std::string_view id) {
  for (const Browser& browser : kBrowsers) {
    if (browser.id == id) return &browser;
  }
  return nullptr;
}

Environment environment_from_process() {
  Environment env;
  env.home = getenv_or_empty(current_platform() == Platform::Windows ? "USERPROFILE" : "HOME");
  env.xdg_config_home = getenv_or_empty("XDG_CONFIG_HOME");
  env.xdg_data_home = getenv_or_empty("XDG_DATA_HOME");
  env.local_app_data = getenv_or_empty("LOCALAPPDATA");
  env.path = getenv_or_empty("PATH");
  return env;
}

std::string data_home(const Environment& env) {
  return !env.xdg_data_home.empty() && env.xdg_data_home.front() == '/'
             ? env.xdg_data_home
             : join(Platform::Linux, env.home, ".local/share");
}

bool is_installed(const Target& target, const Environment& env) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (!target.detect_folder.empty() && fs::is_directory(target.detect_folder, ignored)) return true;
  if (std::any_of(target.install_folders.begin(), target.install_folders.end(),
                  [&](const std::string& folder) { return fs::is_directory(folder, ignored); })) {
    return true;
  }
  return std::any_of(target.programs.begin(), target.programs.end(), [&](const std::string_view program) {
    const std::optional<fs::path> found = find_program(program, env.path);
    // A Snap of the Chromium family cannot start native hosts; Snap Firefox can, through its portal.
    return found && !(target.browser->flavour == Flavour::Chromium && is_snap(*found));
  });
}

std::string manifest_file_name() { return std::string(identity::kHostName) + ".json"; }

std::vector<Target> compute_targets(Platform platform, const Environment& env, Scope scope) {
  std::vector<Target> targets;
  for (const Browser& browser : kBrowsers) {
    if (platform == Platform::Windows) {
      if (browser.windows) targets.push_back(windows_target(browser, env, scope));
      continue;
    }
    const std::optional<Location>& location = location_for(browser, platform, scope);
    if (!location) continue;
    Target target;
    target.browser = &browser;
    target.scope = scope;
    target.detect_folder = resolve(*location, location->detect, platform, env);
    target.hosts_folder = resolve(*location, location->hosts, platform, env);
    target.manifest_path = join(platform, target.hosts_folder, manifest_file_name());
    if (platform == Platform::Linux) {
      target.programs = browser.linux_programs;
      target.install_folders = flatpak_folders(browser, env);
    }
    targets.push_back(std::move(target));
  }
  return targets;
}

}  // namespace notrain::installer
