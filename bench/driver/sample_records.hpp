// Synthetic confirmations shaped like real ones (a confirmation page's text of about 2 KB, a URL, an
// account, the submitted form), each one distinct so that none is a duplicate.
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "evidence.hpp"

namespace notrain::bench {

// For filling a Store directly.
NewConfirmation sample_confirmation(std::size_t index);

// `confirmation.save` params for the same record; with a screenshot of `screenshot_bytes` bytes
// (a PNG signature followed by incompressible bytes, like a real PNG) when it is not zero.
nlohmann::json sample_save_params(std::size_t index, std::size_t screenshot_bytes = 0);

}  // namespace notrain::bench
