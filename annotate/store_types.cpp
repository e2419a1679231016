#include "annotate/store_types.h"

#include <array>
#include <utility>

namespace migician::annotate {

namespace {

template<typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, const char *>, N> &table,
                           const QString &text)
{
    for (const auto &[value, name] : table)
        if (text == QLatin1String(name))
            return value;
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QString name(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[candidate, text] : table)
        if (candidate == value)
            return QString::fromLatin1(text);
    return {};
}

const std::array<std::pair<AnnotationSource, const char *>, 3> kSources{{
        {AnnotationSource::Model, "model"},
        {AnnotationSource::Human, "human"},
        {AnnotationSource::Corrected, "corrected"},
}};
const std::array<std::pair<ReviewState, const char *>, 3> kReviews{{
        {ReviewState::Pending, "pending"},
        {ReviewState::Accepted, "accepted"},
        {ReviewState::Rejected, "rejected"},
}};
const std::array<std::pair<EditAction, const char *>, 7> kActions{{
        {EditAction::Create, "create"},
        {EditAction::Move, "move"},
        {EditAction::Resize, "resize"},
        {EditAction::Delete, "delete"},
        {EditAction::Accept, "accept"},
        {EditAction::Reject, "reject"},
        {EditAction::MoveImage, "move_image"},
}};

} // namespace

QString toString(AnnotationSource source)
{
    return name(kSources, source);
}
QString toString(ReviewState state)
{
    return name(kReviews, state);
}
QString toString(EditAction action)
{
    return name(kActions, action);
}
std::optional<AnnotationSource> annotationSourceFromString(const QString &text)
{
    return lookup(kSources, text);
}
std::optional<ReviewState> reviewStateFromString(const QString &text)
{
    return lookup(kReviews, text);
}
std::optional<EditAction> editActionFromString(const QString &text)
{
    return lookup(kActions, text);
}

} // namespace migician::annotate
