// A synthetic MIG-Bench-format set drawn with QPainter (known boxes): region, refer_grounding and
// diff cases the built-in assistant can answer, and optionally common_object cases it cannot.
// Shared by the `migician eval` test and the GUI tests of batch evaluation.
#pragma once

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPainter>
#include <QRandomGenerator>

namespace migician::test {

// A busy, seeded picture: template matching needs texture to be unambiguous.
inline QImage clutter(int width, int height, quint32 seed)
{
    QRandomGenerator random(seed);
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(200, 190, 170));
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < 90; ++i) {
        painter.setBrush(
                QColor::fromRgb(random.bounded(256), random.bounded(256), random.bounded(256)));
        const QRect rect(random.bounded(width), random.bounded(height), 8 + random.bounded(70),
                         8 + random.bounded(70));
        if (i % 2)
            painter.drawEllipse(rect);
        else
            painter.drawRect(rect);
    }
    return image;
}

inline QJsonArray normalised(const QRect &rect, const QSize &size)
{
    return QJsonArray{double(rect.left()) / size.width(), double(rect.top()) / size.height(),
                      double(rect.left() + rect.width()) / size.width(),
                      double(rect.top() + rect.height()) / size.height()};
}

struct SyntheticBench
{
    QString benchFile;
    QString imagesRoot;
    QMap<QString, int> perTask;
};

// Writes the images under root/MIG-Bench/images/<task>/ and the bench file root/bench.json, in
// the schema of MIG_data.json. `rounds` repeats the pattern region, refer_grounding, diff and
// (with `textOnly`) one common_object case the assistant cannot answer.
inline SyntheticBench writeBench(const QString &root, int rounds, bool textOnly)
{
    SyntheticBench bench;
    bench.imagesRoot = root;
    bench.benchFile = root + QStringLiteral("/bench.json");
    QJsonArray cases;
    auto save = [&](const QImage &image, const QString &task, const QString &name) {
        QDir(root).mkpath(QStringLiteral("MIG-Bench/images/") + task);
        const QString relative = QStringLiteral("./MIG-Bench/images/%1/%2.png").arg(task, name);
        if (!image.save(root + QLatin1Char('/') + relative))
            qFatal("cannot write %s", qPrintable(relative));
        return relative;
    };
    auto add = [&](const QString &task, const QStringList &images, const QString &question,
                   const QJsonArray &answer) {
        cases.append(QJsonObject{{QStringLiteral("task"), task},
                                 {QStringLiteral("images"), QJsonArray::fromStringList(images)},
                                 {QStringLiteral("question"), question},
                                 {QStringLiteral("answer"), answer},
                                 {QStringLiteral("additional_info"), QString()},
                                 {QStringLiteral("need_format"), true}});
        ++bench.perTask[task];
    };
    for (int r = 0; r < rounds; ++r) {
        const quint32 seed = 1000 + quint32(r) * 17;
        // region: the source image, then two region pictures cut from it; ask for one of them.
        {
            const QImage source = clutter(480, 360, seed);
            const QList<QRect> regions{QRect(40 + r * 7 % 100, 50, 120, 90),
                                       QRect(250, 160 + r * 5 % 80, 100, 110)};
            const QString name = QStringLiteral("src%1").arg(r);
            QStringList images{save(source, QStringLiteral("region"), name)};
            for (int k = 0; k < regions.size(); ++k)
                images << save(source.copy(regions[k]), QStringLiteral("region"),
                               QStringLiteral("%1_%2").arg(name).arg(k + 1));
            const int asked = 1 + r % 2;
            add(QStringLiteral("region"), images,
                QStringLiteral("You are given a source image followed by its several regions. "
                               "Please locate the %1th region picture in the source image. ")
                        .arg(asked),
                normalised(regions[asked - 1], source.size()));
        }
        // refer_grounding: image 1 shows the object, cut from image 2.
        {
            const QImage scene = clutter(520, 380, seed + 1);
            const QRect object(90 + r * 11 % 250, 70 + r * 13 % 180, 110, 100);
            add(QStringLiteral("refer_grounding"),
                {save(scene.copy(object), QStringLiteral("refer_grounding"),
                      QStringLiteral("case%1_ref").arg(r)),
                 save(scene, QStringLiteral("refer_grounding"),
                      QStringLiteral("case%1_raw").arg(r))},
                QStringLiteral("Find and locate where does the object in image-1 locate in the "
                               "image-2."),
                normalised(object, scene.size()));
        }
        // diff: the same picture twice, one rectangle white in the first and black in the second.
        {
            QImage first = clutter(500, 400, seed + 2);
            QImage second = first;
            const QRect changed(60 + r * 19 % 260, 40 + r * 23 % 220, 110, 90);
            QPainter(&first).fillRect(changed, Qt::white);
            QPainter(&second).fillRect(changed, Qt::black);
            add(QStringLiteral("diff"),
                {save(first, QStringLiteral("diff"), QStringLiteral("%1_source").arg(r)),
                 save(second, QStringLiteral("diff"), QStringLiteral("%1_target").arg(r))},
                QStringLiteral("Compare these two images carefully and give me the coordinates of "
                               "their difference. "),
                normalised(changed, first.size()));
        }
        // A text-only question: the assistant has no way to answer it (no box, IoU 0).
        if (textOnly) {
            const QImage a = clutter(300, 200, seed + 3), b = clutter(300, 200, seed + 4);
            add(QStringLiteral("common_object"),
                {save(a, QStringLiteral("common_object"), QStringLiteral("%1_a").arg(r)),
                 save(b, QStringLiteral("common_object"), QStringLiteral("%1_b").arg(r))},
                QStringLiteral("Please locate the object that appears in both images in the "
                               "second image."),
                QJsonArray{0.1, 0.1, 0.3, 0.3});
        }
    }
    QFile file(bench.benchFile);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the bench");
    file.write(QJsonDocument(cases).toJson());
    return bench;
}

// `migician eval` of the built-in assistant over a synthetic bench, results to `out`.
inline QStringList assistantEvalArguments(const SyntheticBench &bench, const QString &out)
{
    return {QStringLiteral("eval"),
            QStringLiteral("--bench"),
            bench.benchFile,
            QStringLiteral("--images-root"),
            bench.imagesRoot,
            QStringLiteral("--assistant"),
            QStringLiteral("opencv"),
            QStringLiteral("--out"),
            out};
}

} // namespace migician::test
