#include "serve_command.h"

#include "openai_server.h"

#include "model/allocator_tuning.h"
#include "model/engine.h"
#include "model/model_config.h"
#include "model/model_error.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace migician::serve {

namespace {

struct ServeOptions
{
    model::EngineOptions engine;
    ServerSettings server;
    std::string apiKeyFile;
};

const char *kUsage
        = "usage: %s --model DIR [options]\n"
          "Serves the Migician model over the OpenAI chat-completions API (as vLLM does).\n"
          "  --model DIR            checkpoint folder (config.json, safetensors, tokenizer.json)\n"
          "  --host ADDRESS         address to listen on (default 127.0.0.1; any other needs\n"
          "                         --api-key-file)\n"
          "  --port N               port (default 8000; 0: the OS picks one)\n"
          "  --served-model NAME    model name clients use (default: the folder's name)\n"
          "  --device cpu|cuda      (default cpu)\n"
          "  --dtype auto|float32|bfloat16|float16   (default auto: the checkpoint's torch_dtype)\n"
          "  --threads N            CPU threads (default: all cores)\n"
          "  --api-key-file FILE    clients must send Authorization: Bearer <the file's text>\n"
          "  --queue N              requests waiting for the engine before 503 (default 16)\n"
          "  --max-body-mb N        largest request body (default 32)\n"
          "  --max-images N         images per request (default 16)\n"
          "  --max-image-pixels N   decoded pixels per image (default 50000000)\n"
          "  --max-tokens N         most tokens one request may generate (default 4096)\n"
          "The first line on stdout is \"listening on http://HOST:PORT\". SIGTERM cancels the\n"
          "running generation, answers every waiting client and exits.\n";

long long parseNumber(const std::string &flag, const std::string &text, long long min,
                      long long max)
{
    std::size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(text, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used != text.size() || text.empty() || value < min || value > max)
        throw model::ModelError(flag, "expects a whole number from " + std::to_string(min) + " to "
                                              + std::to_string(max) + ", not '" + text + "'");
    return value;
}

ServeOptions parseOptions(const std::string &program, const std::vector<std::string> &arguments)
{
    ServeOptions options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string &flag = arguments[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= arguments.size())
                throw model::ModelError(flag, "needs a value");
            return arguments[++i];
        };
        if (flag == "--help" || flag == "-h") {
            std::printf(kUsage, program.c_str());
            std::exit(0);
        } else if (flag == "--model") {
            options.engine.modelDir = value();
        } else if (flag == "--host") {
            options.server.host = value();
        } else if (flag == "--port") {
            options.server.port = int(parseNumber(flag, value(), 0, 65535));
        } else if (flag == "--served-model") {
            options.server.servedModel = value();
        } else if (flag == "--device") {
            options.engine.device = model::parseDevice(value());
        } else if (flag == "--dtype") {
            options.engine.dtype = model::parseDType(value());
        } else if (flag == "--threads") {
            options.engine.threads = int(parseNumber(flag, value(), 1, 1024));
        } else if (flag == "--api-key-file") {
            options.apiKeyFile = value();
        } else if (flag == "--queue") {
            options.server.queueCapacity = std::size_t(parseNumber(flag, value(), 1, 1024));
        } else if (flag == "--max-body-mb") {
            options.server.maxBodyBytes = std::size_t(parseNumber(flag, value(), 1, 4096)) << 20;
        } else if (flag == "--max-images") {
            options.server.request.maxImages = std::size_t(parseNumber(flag, value(), 0, 1024));
        } else if (flag == "--max-image-pixels") {
            options.server.decode.maxPixels = parseNumber(flag, value(), 1, 1'000'000'000);
        } else if (flag == "--max-tokens") {
            options.server.request.maxTokens = int(parseNumber(flag, value(), 1, 1'000'000));
        } else {
            throw model::ModelError(flag, "unknown option (see --help)");
        }
    }
    if (options.engine.modelDir.empty())
        throw model::ModelError("--model", "the checkpoint folder is required (see --help)");
    return options;
}

std::string readApiKey(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw model::ModelError(path, "cannot read the API key file");
    std::stringstream text;
    text << file.rdbuf();
    std::string key = text.str();
    while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back())))
        key.pop_back();
    while (!key.empty() && std::isspace(static_cast<unsigned char>(key.front())))
        key.erase(key.begin());
    if (key.empty())
        throw model::ModelError(path, "the API key file is empty");
    if (key.find_first_of(" \t\r\n") != std::string::npos)
        throw model::ModelError(path, "the API key must be one line without spaces");
    struct stat status = {};
    if (stat(path.c_str(), &status) == 0 && (status.st_mode & (S_IRWXG | S_IRWXO)))
        std::cerr << "migician serve: warning: " << path
                  << " can be read by other users (chmod 600 it)" << std::endl;
    return key;
}

std::string folderName(const std::string &dir)
{
    std::filesystem::path path(dir);
    if (!path.has_filename())
        path = path.parent_path();
    return path.filename().string().empty() ? std::string("migician") : path.filename().string();
}

int g_signalPipe[2] = {-1, -1};

void onStopSignal(int signal)
{
    const unsigned char number = static_cast<unsigned char>(signal);
    // Async-signal-safe; a full pipe only means a stop is already on its way.
    [[maybe_unused]] const auto written = write(g_signalPipe[1], &number, 1);
}

std::string urlHost(const std::string &host)
{
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

} // namespace

int runServeCommand(const std::string &program, const std::vector<std::string> &arguments)
{
    ServeOptions options;
    try {
        options = parseOptions(program, arguments);
        if (!options.apiKeyFile.empty())
            options.server.apiKey = readApiKey(options.apiKeyFile);
        if (options.server.apiKey.empty() && !isLoopbackHost(options.server.host))
            throw model::ModelError("--host " + options.server.host,
                                    "listening beyond this machine needs an API key: give "
                                    "--api-key-file FILE (clients send Authorization: Bearer KEY)");
        if (options.server.servedModel.empty())
            options.server.servedModel = folderName(options.engine.modelDir);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "%s: %s\n", program.c_str(), error.what());
        return 2;
    }

    model::keepFreedMemoryForReuse();
    std::unique_ptr<model::Engine> engine;
    try {
        std::cerr << program << ": loading " << options.engine.modelDir << " ("
                  << model::deviceName(options.engine.device) << ", "
                  << model::dtypeName(options.engine.dtype) << ")" << std::endl;
        engine = model::Engine::load(options.engine);
        std::cerr << program << ": running in " << model::dtypeName(engine->options().dtype)
                  << std::endl;
    } catch (const std::exception &error) {
        std::fprintf(stderr, "%s: %s\n", program.c_str(), error.what());
        return 1;
    }

    // From here SIGTERM and SIGINT only write to a pipe; a thread reads it and stops the server.
    // (Before, while loading, they end the process as usual. A blocked signal mask would not do:
    // libraries start threads before main() that would take the signal.)
    if (pipe(g_signalPipe) != 0) {
        std::perror("pipe");
        return 1;
    }
    struct sigaction action = {};
    action.sa_handler = &onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);

    OpenAiServer server(*engine, options.server);
    int port = 0;
    try {
        port = server.bind();
    } catch (const std::exception &error) {
        std::fprintf(stderr, "%s: %s\n", program.c_str(), error.what());
        return 1;
    }
    std::thread signalThread([&] {
        unsigned char received = 0;
        while (read(g_signalPipe[0], &received, 1) < 0 && errno == EINTR) {
        }
        if (received == SIGTERM || received == SIGINT) {
            std::cerr << program << ": " << (received == SIGTERM ? "SIGTERM" : "SIGINT")
                      << ", cancelling generations and stopping" << std::endl;
            server.stop();
        }
    });
    std::cout << "listening on http://" << urlHost(options.server.host) << ":" << port << std::endl;
    std::cerr << program << ": serving " << options.server.servedModel << " on http://"
              << urlHost(options.server.host) << ":" << port
              << (options.server.apiKey.empty() ? " (no API key)" : " (API key required)")
              << std::endl;
    server.listen();
    const unsigned char done = 0; // wakes the signal thread when serving ended otherwise
    if (write(g_signalPipe[1], &done, 1) != 1)
        std::perror("write");
    signalThread.join();
    server.stop();
    std::cerr << program << ": stopped" << std::endl;
    return 0;
}

} // namespace migician::serve
