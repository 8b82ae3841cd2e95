# Every third-party dependency, found once, as imported targets named clipgen::<name>.
# All come from Debian bookworm packages (scripts/setup-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(LIBAV REQUIRED IMPORTED_TARGET
  libavformat libavcodec libavfilter libavutil libswscale libswresample)
add_library(clipgen::libav ALIAS PkgConfig::LIBAV)

# Debian's pocketsphinx.pc names /usr/include/sphinxbase, which does not exist (the headers are
# under the multiarch folder), and CMake rejects imported targets with missing paths.
find_path(POCKETSPHINX_INCLUDE_DIR pocketsphinx.h PATH_SUFFIXES pocketsphinx REQUIRED)
find_path(SPHINXBASE_INCLUDE_DIR cmd_ln.h PATH_SUFFIXES sphinxbase x86_64-linux-gnu/sphinxbase REQUIRED)
find_library(POCKETSPHINX_LIB pocketsphinx REQUIRED)
find_library(SPHINXBASE_LIB sphinxbase REQUIRED)
add_library(clipgen_pocketsphinx INTERFACE)
get_filename_component(SPHINXBASE_PARENT_DIR "${SPHINXBASE_INCLUDE_DIR}" DIRECTORY)
target_include_directories(clipgen_pocketsphinx SYSTEM INTERFACE
  ${POCKETSPHINX_INCLUDE_DIR} ${SPHINXBASE_INCLUDE_DIR} ${SPHINXBASE_PARENT_DIR})
target_link_libraries(clipgen_pocketsphinx INTERFACE ${POCKETSPHINX_LIB} ${SPHINXBASE_LIB} m)
add_library(clipgen::pocketsphinx ALIAS clipgen_pocketsphinx)
set(CLIPGEN_PS_MODEL_DIR "/usr/share/pocketsphinx/model/en-us" CACHE PATH "pocketsphinx en-us model")

pkg_check_modules(LIBASS REQUIRED IMPORTED_TARGET libass)
add_library(clipgen::ass ALIAS PkgConfig::LIBASS)

# The HTTP server: Beast and Asio are header-only; Boost.URL parses request targets.
find_package(Boost 1.81 REQUIRED COMPONENTS url)
add_library(clipgen_beast INTERFACE)
target_link_libraries(clipgen_beast INTERFACE Boost::headers Boost::url Threads::Threads)
# Asio's coroutines, and no deprecated interfaces.
target_compile_definitions(clipgen_beast INTERFACE BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW)
add_library(clipgen::beast ALIAS clipgen_beast)

# cpp-httplib: only the tests' HTTP clients and fake servers use it.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(clipgen::httplib ALIAS PkgConfig::HTTPLIB)

pkg_check_modules(LIBJWT REQUIRED IMPORTED_TARGET libjwt)
add_library(clipgen::jwt ALIAS PkgConfig::LIBJWT)

pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
add_library(clipgen::sodium ALIAS PkgConfig::SODIUM)

# Unicode: normalisation, character properties, UTS #39 spoof checks (names, emails).
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
add_library(clipgen::icu ALIAS PkgConfig::ICU)

# cracklib: the commonly used passwords a new account may not use (dictionaries from
# cracklib-runtime). No pkg-config file on Debian.
find_path(CRACKLIB_INCLUDE_DIR crack.h REQUIRED)
find_library(CRACKLIB_LIB crack REQUIRED)
add_library(clipgen_cracklib INTERFACE)
target_include_directories(clipgen_cracklib SYSTEM INTERFACE ${CRACKLIB_INCLUDE_DIR})
target_link_libraries(clipgen_cracklib INTERFACE ${CRACKLIB_LIB})
add_library(clipgen::cracklib ALIAS clipgen_cracklib)

find_package(CURL REQUIRED)
add_library(clipgen::curl ALIAS CURL::libcurl)
find_package(OpenSSL REQUIRED)

find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc objdetect)
add_library(clipgen_opencv INTERFACE)
target_link_libraries(clipgen_opencv INTERFACE ${OpenCV_LIBS})
target_include_directories(clipgen_opencv SYSTEM INTERFACE ${OpenCV_INCLUDE_DIRS})
add_library(clipgen::opencv ALIAS clipgen_opencv)
set(CLIPGEN_HAAR_CASCADE "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
    CACHE FILEPATH "Haar cascade for face detection")

# SOCI 4.0 ships no CMake config on Debian: find the libraries by hand. Its headers need Boost's
# (found above).
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIB soci_core REQUIRED)
find_library(SOCI_SQLITE_LIB soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIB soci_postgresql REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
add_library(clipgen_soci INTERFACE)
target_include_directories(clipgen_soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${Boost_INCLUDE_DIRS})
target_link_libraries(clipgen_soci INTERFACE
  ${SOCI_SQLITE_LIB} ${SOCI_POSTGRESQL_LIB} ${SOCI_CORE_LIB} SQLite::SQLite3 PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS})
# libsoci_core does not export the typeinfo of its statement classes, which UBSan's vptr check
# references from every file that includes SOCI: turn that one check off there.
if(CLIPGEN_SANITIZE)
  target_compile_options(clipgen_soci INTERFACE -fno-sanitize=vptr)
endif()
add_library(clipgen::soci ALIAS clipgen_soci)

find_package(nlohmann_json 3 REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)

if(CLIPGEN_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(CLIPGEN_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
