#pragma once
// aedyn-cli's command line: one table of options, parsed and checked before anything runs. Every refusal is one
// sentence naming the option and the bad value (exit code 2).
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <utility>
#include <vector>

struct CliOptions {
    enum class Action { Run, Help, Version, ListPresets };
    Action action = Action::Run;
    QString helpText;

    QString projectPath;                                      // a project file instead of a preset
    QString preset = QStringLiteral("fig2-sequential");
    std::vector<std::pair<std::string, std::string>> overrides;  // --set and its shorthands, in order
    bool runOde = true, runSgd = true, quiet = false;
    int threads = 0;                                          // 0: all cores
    QString outDir;
    // Figures (rendered by the app's own charts, without a display).
    QStringList figures;
    QString chart = QStringLiteral("learning");
    double widthInches = 3.4, heightInches = 2.4;
    int dpi = 300;
    bool figureTitles = true;
    double fontPoints = 9;
    QString panelLetter;  // checked against the chart with the figure's other options (CliFigures)
};

// Parses the arguments (argv[0] first). On a bad option returns nothing and sets *error.
std::optional<CliOptions> parseCliOptions(const QStringList& arguments, QString* error);

// The chart names --chart takes.
const QStringList& cliChartNames();
