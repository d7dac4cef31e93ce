// SHA-256 as NoTrain uses it (digests of evidence, the hash chain, SHA256SUMS): Nettle's implementation (Debian's
// nettle-dev, linked statically), hex in lower case.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace notrain {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  // Finishes the digest; the object must not be updated afterwards.
  std::string hex_digest();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace notrain
