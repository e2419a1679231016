// Default sanitizer options and leak suppressions, linked into every executable of the sanitizer
// configuration (cmake/Sanitizers.cmake). The runtimes call these functions at start-up; options
// given in ASAN_OPTIONS / UBSAN_OPTIONS / LSAN_OPTIONS still override them.

extern "C" {

// allocator_may_return_null: the engine's tests force allocation failures (a KV cache larger
// than memory, huge tensors) and check the error the release build reports; by default ASan
// aborts on such a request instead of returning null to the allocator that throws.
__attribute__((visibility("default"), used)) const char *__asan_default_options()
{
    return "allocator_may_return_null=1";
}

__attribute__((visibility("default"), used)) const char *__ubsan_default_options()
{
    return "print_stacktrace=1";
}

__attribute__((visibility("default"), used)) const char *__lsan_default_suppressions()
{
    return "";
}

} // extern "C"
