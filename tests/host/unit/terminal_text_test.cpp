#include <doctest/doctest.h>

#include "terminal_text.hpp"

using notrain::terminal_safe;
using notrain::TerminalLayout;

TEST_CASE("control characters from stored text reach a terminal escaped, never as they are") {
  const std::string hostile = "Merci\x1b]0;owned\x07\x1b[2J\r\x7f end";
  const std::string shown = terminal_safe(hostile);
  CHECK(shown == "Merci\\x1b]0;owned\\x07\\x1b[2J\\x0d\\x7f end");
  for (const char c : shown) CHECK(static_cast<unsigned char>(c) >= 0x20);
}

TEST_CASE("C1 controls and bytes that are not UTF-8 are escaped; letters of every language stay") {
  CHECK(terminal_safe("a\xC2\x9B"
                      "31mb") == "a\\u009b31mb");
  CHECK(terminal_safe("bad \xFF\xFE byte") == "bad \\xff\\xfe byte");
  CHECK(terminal_safe("\xC0\xAF overlong") == "\\xc0\\xaf overlong");
  CHECK(terminal_safe("één, Ça, schön, Zgłoszenie, 😀") == "één, Ça, schön, Zgłoszenie, 😀");
}

TEST_CASE("a block keeps its lines and tabs, a table cell shows them escaped") {
  CHECK(terminal_safe("line 1\n\tline 2", TerminalLayout::Block) == "line 1\n\tline 2");
  CHECK(terminal_safe("line 1\n\tline 2", TerminalLayout::Cell) == "line 1\\n\\tline 2");
}
