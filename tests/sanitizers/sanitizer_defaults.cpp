// Default sanitizer options and leak suppressions, linked into every executable of the sanitizer
// configuration (cmake/Sanitizers.cmake). The runtimes call these functions at start-up; options
// given in ASAN_OPTIONS / UBSAN_OPTIONS / LSAN_OPTIONS still override them.

extern "C" {

__attribute__((visibility("default"), used)) const char *__asan_default_options()
{
    return "";
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
