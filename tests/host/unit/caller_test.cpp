#include <doctest/doctest.h>
#include <notrain/identity.hpp>

#include "caller.hpp"

using notrain::classify_invocation;
using notrain::Mode;

TEST_CASE("NoTrain's Chromium origin is served, with or without extra switches") {
  const std::string origin(notrain::identity::kChromiumOrigin);
  CHECK(classify_invocation({origin}, false).mode == Mode::Serve);
  CHECK(classify_invocation({origin, "--parent-window=0"}, false).mode == Mode::Serve);
  CHECK(classify_invocation({origin.substr(0, origin.size() - 1)}, false).mode == Mode::Serve);
}

TEST_CASE("other Chromium extensions are refused") {
  const auto invocation = classify_invocation({"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"}, false);
  CHECK(invocation.mode == Mode::RefuseCaller);
  CHECK(invocation.caller == "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/");
  CHECK(classify_invocation({std::string(notrain::identity::kChromiumOrigin) + "x/"}, false).mode ==
        Mode::RefuseCaller);
}

TEST_CASE("Firefox passes the manifest path and the add-on id") {
  const std::string manifest = "/home/a/.mozilla/native-messaging-hosts/org.notrain.host.json";
  CHECK(classify_invocation({manifest, "notrain@notrain.org"}, false).mode == Mode::Serve);
  CHECK(classify_invocation({manifest, "evil@example.com"}, false).mode == Mode::RefuseCaller);
}

TEST_CASE("no arguments: a sandboxed Firefox on a pipe, or a person at a terminal") {
  CHECK(classify_invocation({}, false).mode == Mode::Serve);
  CHECK(classify_invocation({}, true).mode == Mode::CommandLine);
}

TEST_CASE("subcommands go to the command line") {
  CHECK(classify_invocation({"list"}, true).mode == Mode::CommandLine);
  CHECK(classify_invocation({"export", "--format", "csv"}, false).mode == Mode::CommandLine);
  CHECK(classify_invocation({"--version"}, false).mode == Mode::CommandLine);
}
