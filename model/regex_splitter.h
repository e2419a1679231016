// The pre-tokenizer's Split step: cuts a stretch of text into pieces with the regex read from
// tokenizer.json ("Isolated" behaviour: every match is a piece, and so is any text between
// matches). Runs on ICU so that \p{L}, \p{N} and (?i:...) have their full Unicode meaning.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

// ICU's namespace is versioned (icu_72); `icu` is only an alias, so declare through its macros.
U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace migician::model {

class RegexSplitter
{
public:
    // Throws ModelError naming `sourceName` when the pattern does not compile.
    RegexSplitter(const std::string &pattern, const std::string &sourceName);
    ~RegexSplitter();
    RegexSplitter(const RegexSplitter &) = delete;
    RegexSplitter &operator=(const RegexSplitter &) = delete;

    // NFC-normalises `text`, then appends its pieces (as UTF-8) to `pieces`. Thread-safe.
    void split(std::string_view text, bool normalizeNfc, std::vector<std::string> &pieces) const;

    // Oniguruma (which the Hugging Face patterns are written for) reads \s as Unicode White_Space.
    // ICU documents its \s as [\t\n\f\r\p{Z}], which lacks U+0085; ICU 72 in fact matches
    // White_Space, but the rewrite to the property pins the meaning whatever ICU is linked.
    static std::string toIcuPattern(const std::string &pattern);

private:
    std::unique_ptr<icu::RegexPattern> m_pattern;
    std::string m_sourceName;
};

} // namespace migician::model
