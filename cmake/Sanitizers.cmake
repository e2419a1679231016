# The sanitizer configuration (build-san/, run by `./dev test` after the normal build):
#   MIGICIAN_SANITIZE  every target built with AddressSanitizer + UndefinedBehaviorSanitizer; the
#                      first report ends the process (-fno-sanitize-recover), so a test fails.
#   MIGICIAN_FUZZ      the libFuzzer targets of tests/fuzz (clang only; implies MIGICIAN_SANITIZE).
#                      All our code is also compiled with coverage (-fsanitize=fuzzer-no-link) so
#                      the fuzzer sees the branches of the libraries it drives.
# Both are off by default: the normal (gcc) build is not affected.
option(MIGICIAN_SANITIZE "Build everything with -fsanitize=address,undefined" OFF)
option(MIGICIAN_FUZZ "Build the libFuzzer targets in tests/fuzz (clang; implies MIGICIAN_SANITIZE)"
       OFF)

if(MIGICIAN_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "MIGICIAN_FUZZ needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: "
                            "configure with -DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    if(MIGICIAN_ENGINE_ONLY)
        message(FATAL_ERROR "MIGICIAN_FUZZ needs the full build (some targets use Qt and OpenCV)")
    endif()
    set(MIGICIAN_SANITIZE ON)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(MIGICIAN_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
    # The runtime options and leak suppressions, compiled into every executable (tests, the
    # command line the tests start, fuzz targets) so that running one by hand behaves as in CI.
    add_library(migician_sanitizer_defaults OBJECT
                ${PROJECT_SOURCE_DIR}/tests/sanitizers/sanitizer_defaults.cpp)
endif()

# Links the sanitizer defaults into every executable defined so far (call at the end).
function(migician_add_sanitizer_defaults)
    if(NOT MIGICIAN_SANITIZE)
        return()
    endif()
    set(directories ${PROJECT_SOURCE_DIR})
    while(directories)
        list(POP_FRONT directories directory)
        get_property(children DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
        list(APPEND directories ${children})
        get_property(targets DIRECTORY ${directory} PROPERTY BUILDSYSTEM_TARGETS)
        foreach(target IN LISTS targets)
            get_target_property(type ${target} TYPE)
            if(type STREQUAL "EXECUTABLE")
                target_link_libraries(${target} PRIVATE migician_sanitizer_defaults)
            endif()
        endforeach()
    endwhile()
endfunction()
