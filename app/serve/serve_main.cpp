// migician-serve: `migician serve` without Qt, for a GPU machine that has only PyTorch.
#include "serve_command.h"

int main(int argc, char **argv)
{
    return migician::serve::runServeCommand("migician-serve",
                                            std::vector<std::string>(argv + 1, argv + argc));
}
