# The Debian package notrain-host_<version>_amd64.deb, made with `cpack --config build/CPackConfig.cmake`:
# the host in /usr/bin, its manifests in every browser's system-wide folder (see host/CMakeLists.txt), and the
# unpacked extension builds and store archives in /usr/share/notrain-extension. The host is linked statically,
# so the package depends on nothing. Installing registers the host for every browser; removing or purging
# removes exactly the files it installed (dpkg owns them all: no maintainer scripts).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME notrain-host)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "NoTrain: keeps the proof of your objections to AI training on this computer")
set(CPACK_PACKAGE_DESCRIPTION "The native host of the NoTrain browser extension. The extension recognises Meta's \
objection forms, fills them from your profile and hands Meta's confirmations to this program, which keeps them \
in a private database with their digest. Registers itself with every supported browser.")
set(CPACK_PACKAGE_CONTACT "NoTrain maintainers <maintainers@notrain.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
include(CPack)
