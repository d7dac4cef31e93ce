// SHA-256 (FIPS 180-4). Written here rather than linking a crypto library: the host needs only this
// one digest, and every shared library it loads adds to the cold start the user waits for.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace notrain {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // Finishes the digest; the object must not be updated afterwards.
  std::string hex_digest();

 private:
  void compress(const unsigned char* block);

  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace notrain
