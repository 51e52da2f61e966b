# CPack: a Debian package and a tarball of the same install tree (bin/, share/applications,
# share/icons, share/mime, share/doc). `cmake --build build --target package` or `cpack` in build/.
set(CPACK_PACKAGE_NAME computeledger)
set(CPACK_PACKAGE_VENDOR "ComputeLedger")
set(CPACK_PACKAGE_CONTACT "ComputeLedger engineering <engineering@computeledger.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Rent, buy or spot: finance for AI compute deals")
set(CPACK_PACKAGE_DESCRIPTION
    "Desktop and command-line tool for take-or-pay GPU cloud contracts and owned GPU fleets: NPV, \
levelized cost of compute, depreciation, Monte Carlo risk (CPU and CUDA) and executive PDF/CSV/XLSX reports.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_FILE_NAME "computeledger-${PROJECT_VERSION}-Linux-x86_64")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://computeledger.example")
# Shared libraries are found by dpkg-shlibdeps; plugins and data loaded at run time are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6, fonts-dejavu-core, shared-mime-info, desktop-file-utils")

install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/computeledger)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION share/doc/computeledger
        FILES_MATCHING PATTERN "*.md" PATTERN "screenshots" EXCLUDE)
include(CPack)
