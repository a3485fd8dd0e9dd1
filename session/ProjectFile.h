#pragma once
// AEDyn project files (*.aedyn, JSON): a format version, the preset it started from, every parameter (the seed
// among them, which fixes the spike rows, the initial weights and the data streams), the display options and the
// pinned runs' parameters. Opening a project and pressing Run reproduces the same curves; `aedyn-cli PROJECT --out
// DIR` runs it headless. Shared by the app and the CLI (Qt Core only).
#include "ExperimentConfig.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

constexpr int kProjectFormatVersion = 1;

// What the dashboard shows, apart from the data: restored with the project.
struct DisplayOptions {
    bool logError = true;        // logarithmic error axis
    bool individualRuns = false; // every SGD run as faded markers
    double fitFrom = 0.0, fitTo = 0.0;  // power-law fit window of the weight chart; 0, 0: the default
    bool operator==(const DisplayOptions&) const = default;
};

// A run kept for comparison ("Keep this run"): its parameters; the curves are recomputed from them.
struct PinnedRun {
    QString label;
    aedyn::ExperimentConfig config;
};

struct Project {
    QString preset;                // the preset the parameters started from (may be empty)
    aedyn::ExperimentConfig config;
    DisplayOptions display;
    QList<PinnedRun> pins;
};

QByteArray projectToJson(const Project& p);
// Parses and validates completely; on any problem returns nothing and sets *error to one sentence.
std::optional<Project> projectFromJson(const QByteArray& json, QString* error);

// Written through a temporary file: a failed save leaves the previous file intact. Errors name the file.
bool saveProject(const QString& path, const Project& p, QString* error);
std::optional<Project> loadProject(const QString& path, QString* error);
