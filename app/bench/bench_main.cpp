// migician-bench: placeholder until the engine lands (see issue 4).
#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--help") == 0) {
        std::puts("usage: migician-bench --config CONFIG.json [options]");
        return 0;
    }
    return 2;
}
