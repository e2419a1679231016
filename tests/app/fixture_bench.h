// MIG-Bench-style cases over the tiny fixture's own images (the fixture folder is the images root:
// paths are "./images/<file>"), for the evaluation tests that run the model.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace migician::test {

inline QJsonObject benchCase(const QString &task, const QStringList &images,
                             const QString &question, bool needFormat)
{
    QJsonArray paths;
    for (const QString &image : images)
        paths.append(QStringLiteral("./images/") + image);
    return QJsonObject{{QStringLiteral("task"), task},
                       {QStringLiteral("images"), paths},
                       {QStringLiteral("question"), question},
                       {QStringLiteral("answer"), QJsonArray{0.2, 0.2, 0.6, 0.7}},
                       {QStringLiteral("additional_info"), QString()},
                       {QStringLiteral("need_format"), needFormat}};
}

// Four MIG-Bench-style cases over the fixture's images; two do not ask for the format.
inline QJsonArray fixtureBench()
{
    return QJsonArray{
            benchCase(QStringLiteral("common_object"),
                      {QStringLiteral("scene_320x200.jpg"), QStringLiteral("tiny_97x143.png"),
                       QStringLiteral("wide_640x360.jpg")},
                      QStringLiteral("These images share one object in common. Recognize and "
                                     "locate this object in the 2th image. "),
                      true),
            benchCase(QStringLiteral("refer_grounding"),
                      {QStringLiteral("objects_crop_70x98.png"),
                       QStringLiteral("objects_256x192.png")},
                      QStringLiteral("Find and locate where does the object in image-1 locate in "
                                     "the image-2."),
                      false),
            benchCase(QStringLiteral("reasoning"),
                      {QStringLiteral("red_circle_224.png"), QStringLiteral("micro_45x31.png")},
                      QStringLiteral("Locate <|object_ref_start|>the red circle<|object_ref_end|> "
                                     "in the first image."),
                      false),
            benchCase(QStringLiteral("multi_view"),
                      {QStringLiteral("gray_180x120.png"), QStringLiteral("rgba_150x150.png")},
                      QStringLiteral("Which part of image-2 also appears in image-1? Locate it in "
                                     "the second image."),
                      true),
    };
}

} // namespace migician::test
