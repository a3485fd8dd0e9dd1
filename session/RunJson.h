#pragma once
// run.json: everything needed to reproduce and interpret a headless run (parameters, seeds, spectrum, PCA errors,
// outcome of each route, wall times). Parameter keys are those of presets and --set.
#include "Experiment.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

struct RouteReport {
    QString status;  // "ok", "not run", "stopped", or the failure message
    double wallSeconds = 0.0;
};

QJsonObject runJson(const aedyn::Experiment& e, const QString& preset, const QStringList& arguments,
                    const RouteReport& theory, const RouteReport& simulation, double totalSeconds,
                    const std::vector<std::string>& columns);
