# The services the host accepts, read from the one list the extension reads too: the keys of
# extension/rules/services.json (Meta's services) and the "name" of every rule pack in
# extension/rules/platforms/ and extension/rules/emails/ (the platforms beyond Meta: a setting, an e-mail). Adding a platform's rule file is enough: CMake
# re-runs when one of these files changes or a new one appears (the glob is re-checked at build time), and
# the host's generated header (host/src/services.hpp.in) holds the new list. Names must be what the
# extension sends and the database keeps: lower-case letters, digits, "_" and "-".
set(_rules "${PROJECT_SOURCE_DIR}/extension/rules")
file(GLOB NOTRAIN_PLATFORM_RULE_FILES CONFIGURE_DEPENDS "${_rules}/platforms/*.json" "${_rules}/emails/*.json")
list(SORT NOTRAIN_PLATFORM_RULE_FILES)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_rules}/services.json" ${NOTRAIN_PLATFORM_RULE_FILES})

set(_names "")
file(READ "${_rules}/services.json" _services_json)
string(JSON _count LENGTH "${_services_json}" services)
math(EXPR _last "${_count} - 1")
foreach(_i RANGE ${_last})
  string(JSON _name MEMBER "${_services_json}" services ${_i})
  list(APPEND _names "${_name}")
endforeach()
foreach(_file IN LISTS NOTRAIN_PLATFORM_RULE_FILES)
  file(READ "${_file}" _platform_json)
  string(JSON _name GET "${_platform_json}" name)
  list(APPEND _names "${_name}")
endforeach()

foreach(_name IN LISTS _names)
  if(NOT _name MATCHES "^[a-z][a-z0-9_-]*$")
    message(FATAL_ERROR "extension/rules: service \"${_name}\" is not lower-case letters, digits, _ and -")
  endif()
endforeach()
set(_unique ${_names})
list(REMOVE_DUPLICATES _unique)
if(NOT _unique STREQUAL _names)
  message(FATAL_ERROR "extension/rules: a service is named twice (services.json and platforms/): ${_names}")
endif()

# For the header: the array's items, and the names in words for error messages.
list(JOIN _names "\", \"" NOTRAIN_SERVICE_ITEMS)
set(NOTRAIN_SERVICE_ITEMS "\"${NOTRAIN_SERVICE_ITEMS}\"")
list(JOIN _names ", " NOTRAIN_SERVICE_WORDS)
list(LENGTH _names NOTRAIN_SERVICE_COUNT)
message(STATUS "NoTrain services (${NOTRAIN_SERVICE_COUNT}): ${NOTRAIN_SERVICE_WORDS}")
