// Errors as values for annotate/: `Status` (success or a message) and `Result<T>` (a value or a
// message). Nothing in annotate/ throws across its public API; every message names the file or
// input it is about and what is wrong with it.
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace migician::annotate {

class [[nodiscard]] Status
{
public:
    Status() = default; // success
    static Status failure(QString message) { return Status(std::move(message)); }

    bool ok() const { return m_error.isEmpty(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    explicit Status(QString message)
        : m_error(std::move(message))
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("unknown error");
    }
    QString m_error;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    // A failed Status converts into a failed Result (a successful one must not be converted).
    Result(const Status &failed)
        : m_error(failed.ok() ? QStringLiteral("internal error: no value") : failed.error())
    {}
    static Result failure(QString message) { return Result(Status::failure(std::move(message))); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }
    Status status() const { return ok() ? Status() : Status::failure(m_error); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T value() && { return std::move(*m_value); } // by value: safe on temporaries
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }

private:
    std::optional<T> m_value;
    QString m_error;
};

} // namespace migician::annotate
