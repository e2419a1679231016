# Configures and builds MIGICIAN_ENGINE_ONLY=ON in a scratch folder with Qt and OpenCV hidden from
# CMake, so a stray find_package or an upward include in model/ fails this test.
file(REMOVE_RECURSE "${BINARY_DIR}")
execute_process(
    COMMAND ${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G Ninja
            -DCMAKE_BUILD_TYPE=Release -DMIGICIAN_ENGINE_ONLY=ON
            -DMIGICIAN_SHARED_DIR=${SHARED_DIR}
            -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON -DCMAKE_DISABLE_FIND_PACKAGE_OpenCV=ON
            -DCMAKE_DISABLE_FIND_PACKAGE_QCustomPlotQt6=ON
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "engine-only configure failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BINARY_DIR}" -j 2 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "engine-only build failed (${rc})")
endif()
foreach(artifact model/libmigician_model.a app/migician-bench app/migician-serve tests/test_model
                 tests/test_serve)
    if(NOT EXISTS "${BINARY_DIR}/${artifact}")
        message(FATAL_ERROR "engine-only build did not produce ${artifact}")
    endif()
endforeach()
if(EXISTS "${BINARY_DIR}/app/migician" OR EXISTS "${BINARY_DIR}/app/migician-workbench")
    message(FATAL_ERROR "engine-only build produced a Qt executable")
endif()
execute_process(COMMAND "${BINARY_DIR}/app/migician-bench" --help RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "migician-bench --help failed (${rc})")
endif()
# The server runs where only libtorch exists: it must start without Qt.
execute_process(COMMAND "${BINARY_DIR}/app/migician-serve" --help RESULT_VARIABLE rc
                OUTPUT_VARIABLE help)
if(NOT rc EQUAL 0 OR NOT help MATCHES "listening on http://HOST:PORT")
    message(FATAL_ERROR "migician-serve --help failed (${rc})")
endif()
message(STATUS "engine-only configuration built without Qt and OpenCV")
file(REMOVE_RECURSE "${BINARY_DIR}")
