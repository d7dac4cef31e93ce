// The browsers NoTrain registers with, and where each one looks for a native-messaging host manifest.
// The table is data (browsers.cpp); compute_targets() turns it into concrete paths for one platform,
// one user and one scope, without touching the file system, so every platform is testable on Linux.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace notrain::installer {

// Chromium-family manifests list `allowed_origins`, Firefox-family ones `allowed_extensions`.
enum class Flavour { Chromium, Firefox };
enum class Platform { Linux, MacOS, Windows };
enum class Scope { User, System };

std::string_view to_string(Flavour flavour);
std::string_view to_string(Platform platform);
std::optional<Platform> current_platform();

// What a path in the table is relative to.
enum class Base {
  Absolute,    // the folder is given in full (system folders)
  Home,        // $HOME
  XdgConfig,   // $XDG_CONFIG_HOME, else $HOME/.config (Chromium-family browsers follow it on Linux)
  AppSupport,  // $HOME/Library/Application Support (macOS)
};

// One place a browser reads manifests from, both folders relative to `base`. The browser counts as
// installed when `detect` exists (its profile folder, or for system scope its installation folder), or
// when the browser itself is found (Browser::linux_programs, Browser::flatpak_app): a browser that was
// installed but never started has no profile folder yet.
struct Location {
  Base base = Base::Absolute;
  std::string_view detect;  // e.g. "google-chrome" or "/opt/google/chrome"
  std::string_view hosts;   // the folder that holds the manifest, e.g. "google-chrome/NativeMessagingHosts"
};

struct WindowsKey {
  std::string_view key;  // under HKCU (user) or HKLM (system); its default value is the manifest path
};

struct Browser {
  std::string_view id;    // what --browser takes
  std::string_view name;  // what people call it
  Flavour flavour;
  std::optional<Location> linux_user, linux_system;
  std::optional<Location> macos_user, macos_system;
  std::optional<WindowsKey> windows;
  // Linux folder of the browser's enterprise policies (Chromium family), which can block hosts.
  std::string_view linux_policies = {};
  // Linux: the commands that start the browser (looked up on PATH), and its Flatpak application id.
  std::vector<std::string_view> linux_programs = {};
  std::string_view flatpak_app = {};
};

const std::vector<Browser>& browsers();
const Browser* find_browser(std::string_view id);

// The user's folders, read from the environment by the caller.
struct Environment {
  std::string home;             // $HOME (Windows: %USERPROFILE%)
  std::string xdg_config_home;  // empty when unset
  std::string xdg_data_home;    // empty when unset
  std::string local_app_data;   // Windows %LOCALAPPDATA%; empty when unset
  std::string path;             // $PATH, where the browsers' commands are looked for
};
Environment environment_from_process();

// $XDG_DATA_HOME when it is absolute (the XDG specification ignores a relative one), else ~/.local/share.
std::string data_home(const Environment& env);

// One manifest a browser would read, as concrete paths for the chosen platform.
struct Target {
  const Browser* browser = nullptr;
  Scope scope = Scope::User;
  std::string detect_folder;  // exists when the browser is installed (Linux, macOS)
  std::string hosts_folder;   // where the manifest file lives
  std::string manifest_path;
  std::string registry_key;  // Windows only: full key whose default value is manifest_path
  // Where the browser itself would be, when it was never started (Linux): its commands, looked up on
  // PATH, and the folders of its Flatpak installation (per user and system-wide).
  std::vector<std::string_view> programs;
  std::vector<std::string> install_folders;
};

// Targets of every browser that has a location for (platform, scope). Pure: no file-system access.
std::vector<Target> compute_targets(Platform platform, const Environment& env, Scope scope);

// Whether the browser of a target is on this computer: its profile folder, its installation folder, one
// of its commands on PATH (not a Snap of the Chromium family: those cannot start native hosts), or its
// Flatpak installation. Reads the file system.
bool is_installed(const Target& target, const Environment& env);

// The manifest file name: the host name plus ".json", which browsers require.
std::string manifest_file_name();

}  // namespace notrain::installer
