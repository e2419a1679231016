// The engine's exception type: every error says which file or input it is about and what is wrong,
// so that callers at the module boundary can show it to a person unchanged.
#pragma once

#include <stdexcept>
#include <string>

namespace migician::model {

class ModelError : public std::runtime_error
{
public:
    ModelError(const std::string &subject, const std::string &problem)
        : std::runtime_error(subject.empty() ? problem : subject + ": " + problem)
        , m_subject(subject)
        , m_problem(problem)
    {}

    // The file, tensor or input the error is about (may be empty).
    const std::string &subject() const { return m_subject; }
    const std::string &problem() const { return m_problem; }

private:
    std::string m_subject;
    std::string m_problem;
};

} // namespace migician::model
