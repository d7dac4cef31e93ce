// Boost 1.81's header-only Boost.Process v2 leaves out one definition, process_environment::on_setup,
// which only its src.hpp brings in; this translation unit, and only this one, supplies it.
// (Everything that starts a process with its own environment — doctor, the tests — needs it.)
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
#include <boost/process/v2/environment.hpp>
#include <boost/process/v2/impl/environment.ipp>
