// aedyn-cli: runs an experiment headless and writes curves.csv and run.json (interface documented in README).
#include "CliFigures.h"
#include "CliOptions.h"
#include "CliRunner.h"
#include "Presets.h"
#include "SweepCommand.h"

#include <cstdio>

namespace {

// Qt's own warnings (the off-screen platform's notes, say) are not the user's business; ours go through cliFail().
void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "aedyn-cli: %s\n", qPrintable(message));
}

} // namespace

int main(int argc, char** argv)
{
    qInstallMessageHandler(quietQtMessages);
    const auto app = makeCliApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aedyn-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AEDYN_VERSION));
    // `aedyn-cli sweep SPEC --out DIR …` has options of its own (README, "Sweeps").
    if (isSweepCommand(app->arguments()))
        return runSweepCommand(app->arguments());
    QString error;
    const auto options = parseCliOptions(app->arguments(), &error);
    if (!options)
        return cliFail(kBadInput, error);
    switch (options->action) {
    case CliOptions::Action::Help:
        std::fputs(qPrintable(options->helpText), stdout);
        return kSuccess;
    case CliOptions::Action::Version:
        std::printf("aedyn-cli %s\n", AEDYN_VERSION);
        return kSuccess;
    case CliOptions::Action::ListPresets:
        for (const aedyn::Preset& p : aedyn::presets())
            std::printf("%-20s %s\n", p.name.c_str(), p.title.c_str());
        return kSuccess;
    case CliOptions::Action::Run:
        break;
    }
    return runCli(*options, app->arguments());
}
