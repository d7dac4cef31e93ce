#pragma once
#include <stdexcept>

namespace notrain {

// A storage problem that is not SQLite's own: a missing home folder, a database from a newer
// NoTrain. The protocol reports it, like SQLite's errors, as error 1003.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace notrain
