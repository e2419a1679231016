# A libtorch and the system's Qt 6 / OpenCV can share one program only if they use the same
# std::string ABI. Qt and OpenCV are built with this toolchain's default (the C++11 ABI on Debian);
# libtorch states its own in TORCH_CXX_FLAGS and forces it on everything that links it. Older
# PyTorch wheels use the pre-C++11 ABI: stop here with the way out, instead of failing at link time
# with hundreds of undefined std::__cxx11 symbols.
include(CheckCXXSourceCompiles)
check_cxx_source_compiles("#include <string>
#if !_GLIBCXX_USE_CXX11_ABI
#error pre-C++11 ABI
#endif
int main() { return 0; }" MIGICIAN_TOOLCHAIN_CXX11_ABI)
set(_toolchain_abi "pre-C++11")
if(MIGICIAN_TOOLCHAIN_CXX11_ABI)
    set(_toolchain_abi "C++11")
endif()
set(_torch_abi "C++11")
if(TORCH_CXX_FLAGS MATCHES "_GLIBCXX_USE_CXX11_ABI=0")
    set(_torch_abi "pre-C++11")
endif()
if(NOT MIGICIAN_ENGINE_ONLY AND NOT _torch_abi STREQUAL _toolchain_abi)
    message(FATAL_ERROR
        "Mixed C++ ABIs. The libtorch in ${Torch_DIR} (PyTorch ${Torch_VERSION}) uses the ${_torch_abi} "
        "std::string ABI (TORCH_CXX_FLAGS: ${TORCH_CXX_FLAGS}), but Qt 6 and OpenCV on this system "
        "use the ${_toolchain_abi} ABI: they cannot be linked into one program.\n"
        "Either use a PyTorch built with the ${_toolchain_abi} ABI (for the C++11 ABI, "
        "python3 -c 'import torch; print(torch._C._GLIBCXX_USE_CXX11_ABI)' prints True; the "
        "'cxx11 ABI' libtorch downloads and recent manylinux_2_28 wheels are), or build only the "
        "engine, its tests and migician-bench with -DMIGICIAN_ENGINE_ONLY=ON.")
endif()
message(STATUS "Migician: libtorch uses the ${_torch_abi} ABI, the toolchain ${_toolchain_abi}")
