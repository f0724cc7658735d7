# Third-party code comes from Debian: headers from -dev packages, sources from source packages
# unpacked by scripts/setup.sh into third_party/. Each is its own target so that an edit to our
# code never recompiles them.

if(NOT EXISTS "${ISMS_THIRD_PARTY}/sqlite/sqlite3.c")
  message(FATAL_ERROR "SQLite sources missing in ${ISMS_THIRD_PARTY}: run scripts/setup.sh first")
endif()

# SQLite, compiled as C (em++ cannot compile it as C++).
add_library(isms_sqlite3 STATIC "${ISMS_THIRD_PARTY}/sqlite/sqlite3.c")
target_include_directories(isms_sqlite3 SYSTEM PUBLIC "${ISMS_THIRD_PARTY}/sqlite")
target_compile_definitions(isms_sqlite3 PRIVATE
  SQLITE_THREADSAFE=0 SQLITE_OMIT_LOAD_EXTENSION SQLITE_DEFAULT_FOREIGN_KEYS=1 SQLITE_DQS=0
  SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_OMIT_DEPRECATED SQLITE_OMIT_SHARED_CACHE SQLITE_MAX_MMAP_SIZE=0
  # FTS5 backs search everywhere (core/store/search_index): a trigram index finds substrings.
  SQLITE_ENABLE_FTS5)
if(EMSCRIPTEN)
  target_compile_options(isms_sqlite3 PRIVATE -O2)
endif()

# nlohmann/json is header-only. em++ must not see /usr/include (glibc headers clash with its
# sysroot), so it gets a folder holding only a link to the nlohmann headers.
set(ISMS_JSON_INCLUDE "${CMAKE_BINARY_DIR}/include-json")
file(MAKE_DIRECTORY "${ISMS_JSON_INCLUDE}")
if(NOT EXISTS "${ISMS_JSON_INCLUDE}/nlohmann")
  file(CREATE_LINK /usr/include/nlohmann "${ISMS_JSON_INCLUDE}/nlohmann" SYMBOLIC)
endif()
add_library(isms_json INTERFACE)
target_include_directories(isms_json SYSTEM INTERFACE "${ISMS_JSON_INCLUDE}")

if(EMSCRIPTEN)
  if(NOT EXISTS "${ISMS_THIRD_PARTY}/imgui/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources missing in ${ISMS_THIRD_PARTY}: run scripts/setup.sh first")
  endif()
  set(IMGUI_DIR "${ISMS_THIRD_PARTY}/imgui")
  add_library(isms_imgui STATIC
    "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
    "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp"
    "${IMGUI_DIR}/backends/imgui_impl_glfw.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
  target_include_directories(isms_imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
  # The automation bridge implements ImGui's test-engine item hooks (app/automation.cpp).
  target_compile_definitions(isms_imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_DEMO_WINDOWS
    IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  target_link_options(isms_imgui INTERFACE -sUSE_GLFW=3)
endif()
