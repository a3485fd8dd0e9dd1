#include "ProjectFile.h"

#include "ParameterJson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

const QString kFormat = QStringLiteral("aedyn-project");

std::optional<aedyn::ExperimentConfig> parametersOf(const QJsonValue& v, const QString& where, QString* error)
{
    if (!v.isObject()) {
        *error = QStringLiteral("%1 is missing or not an object").arg(where);
        return std::nullopt;
    }
    try {
        return parametersFromJson(v.toObject());
    } catch (const aedyn::ConfigError& e) {
        *error = QStringLiteral("%1: %2").arg(where, QString::fromStdString(e.what()));
        return std::nullopt;
    }
}

} // namespace

QByteArray projectToJson(const Project& p)
{
    QJsonObject o;
    o.insert("format", kFormat);
    o.insert("version", kProjectFormatVersion);
    o.insert("aedyn_version", QStringLiteral(AEDYN_VERSION));
    o.insert("preset", p.preset);
    o.insert("parameters", parametersToJson(p.config));
    QJsonObject display;
    display.insert("log_error_axis", p.display.logError);
    display.insert("individual_runs", p.display.individualRuns);
    display.insert("fit_window", QJsonArray{p.display.fitFrom, p.display.fitTo});
    o.insert("display", display);
    QJsonArray pins;
    for (const PinnedRun& pin : p.pins)
        pins.append(QJsonObject{{"label", pin.label}, {"parameters", parametersToJson(pin.config)}});
    o.insert("pins", pins);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<Project> projectFromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not a valid project file (%1 at byte %2; truncated?)")
                     .arg(parse.errorString())
                     .arg(parse.offset);
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value("format").toString() != kFormat) {
        *error = QStringLiteral("not an AEDyn project (it has no \"format\": \"%1\")").arg(kFormat);
        return std::nullopt;
    }
    const QJsonValue version = o.value("version");
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != std::floor(version.toDouble())) {
        *error = QStringLiteral("\"version\" must be a whole number from 1");
        return std::nullopt;
    }
    // Compared as a number: a huge version (1e308) must not wrap into an old one.
    if (version.toDouble() > kProjectFormatVersion) {
        *error = QStringLiteral("written by a newer AEDyn (project format %1; this AEDyn %2 reads format %3 and "
                                "older)")
                     .arg(version.toDouble(), 0, 'g', 17)
                     .arg(QStringLiteral(AEDYN_VERSION))
                     .arg(kProjectFormatVersion);
        return std::nullopt;
    }
    Project p;
    p.preset = o.value("preset").toString();
    auto config = parametersOf(o.value("parameters"), QStringLiteral("\"parameters\""), error);
    if (!config)
        return std::nullopt;
    p.config = *config;
    const QJsonObject display = o.value("display").toObject();
    p.display.logError = display.value("log_error_axis").toBool(true);
    p.display.individualRuns = display.value("individual_runs").toBool(false);
    const QJsonArray fit = display.value("fit_window").toArray();
    if (fit.size() == 2 && fit[0].isDouble() && fit[1].isDouble() && fit[0].toDouble() >= 0 &&
        fit[1].toDouble() >= fit[0].toDouble()) {
        p.display.fitFrom = fit[0].toDouble();
        p.display.fitTo = fit[1].toDouble();
    } else if (display.contains("fit_window")) {
        *error = QStringLiteral("\"display\": \"fit_window\" must be two times [from, to] with 0 <= from <= to");
        return std::nullopt;
    }
    const QJsonArray pins = o.value("pins").toArray();
    for (qsizetype i = 0; i < pins.size(); ++i) {
        const QJsonObject pin = pins[i].toObject();
        auto c = parametersOf(pin.value("parameters"), QStringLiteral("pin %1").arg(i + 1), error);
        if (!c)
            return std::nullopt;
        p.pins.append({pin.value("label").toString(), *c});
    }
    return p;
}

bool saveProject(const QString& path, const Project& p, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(projectToJson(p)) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<Project> loadProject(const QString& path, QString* error)
{
    // Only a regular file is read: a FIFO would block and a device would never end.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("%1 is not a regular file").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    constexpr qint64 kMaxBytes = 16 << 20;  // a project is a few kB; anything huge is not one
    if (file.size() > kMaxBytes) {
        *error = QStringLiteral("%1: not a project file (%2 MB)").arg(path).arg(file.size() >> 20);
        return std::nullopt;
    }
    QString problem;
    auto p = projectFromJson(file.read(kMaxBytes + 1), &problem);
    if (!p)
        *error = QStringLiteral("%1: %2").arg(path, problem);
    return p;
}
