# Prints the Chromium extension id exactly as the project's CMake derives it (for the build test).
# Usage: cmake -DPROJECT_SOURCE_DIR=<repo> -P print-id.cmake
include(${PROJECT_SOURCE_DIR}/cmake/ExtensionIdentity.cmake)
