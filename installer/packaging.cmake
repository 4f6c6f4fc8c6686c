# Packaging: install() rules for the system-wide host manifests and the CPack settings for a .deb.
# Included by the top-level CMakeLists before include(CPack). The binaries' own install() rules live
# in host/CMakeLists.txt (bin/objector, bin/objector-host).
#
# The package installs under /usr, so the system-wide manifests name /usr/bin/objector-host.
# Chromium: /etc/chromium/native-messaging-hosts; Google Chrome: /etc/opt/chrome/native-messaging-hosts;
# Firefox: /usr/lib/mozilla/native-messaging-hosts.
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(OBJECTOR_HOST_PATH "${CPACK_PACKAGING_INSTALL_PREFIX}/bin/objector-host")
set(_objector_pkg_dir "${CMAKE_BINARY_DIR}/packaging/manifests")
configure_file("${PROJECT_SOURCE_DIR}/manifests/chromium.json.in"
               "${_objector_pkg_dir}/chromium/${OBJECTOR_HOST_NAME}.json" @ONLY)
configure_file("${PROJECT_SOURCE_DIR}/manifests/firefox.json.in"
               "${_objector_pkg_dir}/firefox/${OBJECTOR_HOST_NAME}.json" @ONLY)

if(UNIX AND NOT APPLE)
  foreach(_dir /etc/chromium/native-messaging-hosts /etc/opt/chrome/native-messaging-hosts)
    install(FILES "${_objector_pkg_dir}/chromium/${OBJECTOR_HOST_NAME}.json"
            DESTINATION "${_dir}" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  endforeach()
  install(FILES "${_objector_pkg_dir}/firefox/${OBJECTOR_HOST_NAME}.json"
          DESTINATION /usr/lib/mozilla/native-messaging-hosts
          PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endif()

set(CPACK_PACKAGE_NAME "objector")
set(CPACK_PACKAGE_VENDOR "Objector")
set(CPACK_PACKAGE_CONTACT "Objector team <team@objector.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Native messaging host for the Objector browser extension\n Keeps the profile, justifications and an append-only history of objections\n on this computer; objector-host is registered system-wide for Chromium,\n Google Chrome and Firefox. Run `objector doctor` to check the set-up.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)  # the package ships without debug info
