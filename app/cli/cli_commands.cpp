#include "cli_command.h"

namespace migician::cli {

// Defined in the cmd_*.cpp files.
int runTokenize(const QStringList &arguments);
int runRenderChat(const QStringList &arguments);
int runPrompt(const QStringList &arguments);
int runGround(const QStringList &arguments);
int runProject(const QStringList &arguments);
int runScore(const QStringList &arguments);
int runEval(const QStringList &arguments);
int runStudy(const QStringList &arguments);
int runServe(const QStringList &arguments);

const std::vector<CliCommand> &commands()
{
    static const std::vector<CliCommand> table{
            {"tokenize", "Tokenize JSON lines from stdin", &runTokenize},
            {"render-chat", "Render chat JSON lines with the Qwen2-VL template", &runRenderChat},
            {"prompt", "Show the prompt, token ids and image grids for images and a query",
             &runPrompt},
            {"ground", "Ground a query in images with the Migician model", &runGround},
            {"project", "Create, import into and export a project file", &runProject},
            {"score", "Score predictions on MIG-Bench (official, raw, image-aware)", &runScore},
            {"eval", "Evaluate a model or the built-in assistant on MIG-Bench (resumable)",
             &runEval},
            {"study", "Create, split across machines, merge and report human studies", &runStudy},
            {"serve", "Serve the model over the OpenAI chat-completions API (as vLLM does)",
             &runServe},
    };
    return table;
}

} // namespace migician::cli
