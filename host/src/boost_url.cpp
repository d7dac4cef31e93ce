// Boost.URL's implementation, compiled once here: Debian ships Boost.URL (1.81) as headers only.
#include <boost/url/src.hpp>
