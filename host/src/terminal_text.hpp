// Text from web pages and e-mails shown on a terminal: control characters (C0, DEL, C1 and so the escape sequences
// that start with them) and bytes that are not UTF-8 are written visibly escaped (\x1b, \u009b), so that a stored
// text can neither move the cursor, retitle the window nor clear the screen. Line breaks and tabs are kept where
// the text is shown as a block, escaped in a table cell.
#pragma once
#include <string>
#include <string_view>

namespace notrain {

enum class TerminalLayout { Block, Cell };

std::string terminal_safe(std::string_view text, TerminalLayout layout = TerminalLayout::Cell);

}  // namespace notrain
