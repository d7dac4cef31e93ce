#include "installer/commands.hpp"

#include <memory>
#include <stdexcept>

#include "cli_parser.hpp"
#include "installer/options.hpp"

namespace notrain::installer {
namespace {

// What the three commands' help says after their options.
std::string purpose(Command which) {
  switch (which) {
    case Command::Install:
      return "Registers NoTrain's host with every supported browser found for this user (or those named),\n"
             "so that the extension can reach it. Running it again changes nothing, or repairs what differs.";
    case Command::Uninstall:
      return "Removes the manifests that install wrote, and the folders it created once they are empty.";
    case Command::Doctor:
      return "Checks each browser's registration and starts the host as that browser would; every problem\n"
             "comes with the command that fixes it. Exit status 1 when anything fails.";
  }
  return "";
}

int run_command(Command which, const Options& options) {
  const std::optional<Platform> platform = current_platform();
  // install says itself what it cannot do on Windows yet.
  if (!platform || (which != Command::Install && *platform == Platform::Windows)) {
    throw std::runtime_error("this operating system is not supported yet");
  }
  const Environment env = environment_from_process();
  if (env.home.empty() && !options.manifest_dir && options.scope == Scope::User) {
    throw std::runtime_error("HOME is not set: cannot find the browsers' folders");
  }
  switch (which) {
    case Command::Install: return install(options, *platform, env);
    case Command::Uninstall: return uninstall(options, *platform, env);
    case Command::Doctor: return doctor(options, *platform, env);
  }
  return 1;
}

void add_command(cli::Parser& parser, Command which) {
  static constexpr const char* kNames[] = {"install", "uninstall", "doctor"};
  static constexpr const char* kSummaries[] = {
      "register the host with your browsers",
      "remove the host's registration",
      "check each browser's registration and start the host",
  };
  const auto index = static_cast<std::size_t>(which);
  parser.add(kNames[index], kSummaries[index], [which](CLI::App& command) -> cli::Action {
    auto options = std::make_shared<Options>();
    declare_options(command, which, *options);
    command.footer(purpose(which));
    return [which, options] { return run_command(which, *options); };
  });
}

int run_alone(Command which, const std::vector<std::string>& args) {
  cli::Parser parser("", {});
  add_command(parser, which);
  std::vector<std::string> words = {parser.app().get_subcommands({}).front()->get_name()};
  words.insert(words.end(), args.begin(), args.end());
  return parser.run(words, [] { return 2; });
}

}  // namespace

void add_commands(cli::Parser& parser) {
  for (const Command which : {Command::Install, Command::Uninstall, Command::Doctor}) add_command(parser, which);
}

int run_install(const std::vector<std::string>& args) { return run_alone(Command::Install, args); }
int run_uninstall(const std::vector<std::string>& args) { return run_alone(Command::Uninstall, args); }
int run_doctor(const std::vector<std::string>& args) { return run_alone(Command::Doctor, args); }

}  // namespace notrain::installer
