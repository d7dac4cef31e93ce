# The extension's identity, derived in this one place from the public key committed in extension/.
# Chromium computes an extension's id as the first 32 hex digits of SHA-256 over the DER public key,
# each digit 0-f written as a letter a-p. The host's allowed origin and the Chromium host manifest
# are generated from the result, so nobody copies the id by hand.
set(NOTRAIN_HOST_NAME "org.notrain.host")
set(NOTRAIN_FIREFOX_ID "notrain@notrain.org")
set(NOTRAIN_PUBLIC_KEY_FILE "${PROJECT_SOURCE_DIR}/extension/public-key.der")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${NOTRAIN_PUBLIC_KEY_FILE}")

file(SHA256 "${NOTRAIN_PUBLIC_KEY_FILE}" _key_digest)
string(SUBSTRING "${_key_digest}" 0 32 _key_digest)
set(_hex "0123456789abcdef")
set(_letters "abcdefghijklmnop")
set(NOTRAIN_CHROMIUM_ID "")
foreach(_i RANGE 31)
  string(SUBSTRING "${_key_digest}" ${_i} 1 _digit)
  string(FIND "${_hex}" "${_digit}" _value)
  string(SUBSTRING "${_letters}" ${_value} 1 _letter)
  string(APPEND NOTRAIN_CHROMIUM_ID "${_letter}")
endforeach()
set(NOTRAIN_CHROMIUM_ORIGIN "chrome-extension://${NOTRAIN_CHROMIUM_ID}/")
message(STATUS "NoTrain Chromium extension id: ${NOTRAIN_CHROMIUM_ID}")
# The same facts for the JavaScript side (the end-to-end tests): read there, never derived again.
if(NOT CMAKE_SCRIPT_MODE_FILE)
  file(WRITE "${CMAKE_BINARY_DIR}/extension-identity.json"
    "{\"chromium_id\": \"${NOTRAIN_CHROMIUM_ID}\", \"firefox_id\": \"${NOTRAIN_FIREFOX_ID}\", \"host_name\": \"${NOTRAIN_HOST_NAME}\"}\n")
endif()
