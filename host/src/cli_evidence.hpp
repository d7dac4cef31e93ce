// The command line's evidence commands: verify (digests and the hash chain, or against a receipt kept elsewhere)
// and receipt (the chain's head, short enough to e-mail to oneself or print). Plain sentences, by record id.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store.hpp"

namespace notrain::cli {

// `verify [--receipt FILE]` and `receipt`, their words parsed by cli::Parser.
int verify_command(const std::optional<std::string>& receipt);
int receipt_command();

// One sentence for a person: what is wrong with which confirmation.
std::string problem_sentence(const EvidenceProblem& problem);
// The receipt's text for the store's current chain head; nullopt for an empty chain.
std::optional<std::string> receipt_text(Store& store);
// The chain position and head a receipt's text names, or nullopt when the text is not a receipt.
std::optional<Receipt> parse_receipt(const std::string& text);

}  // namespace notrain::cli
