// aedyn [FILE] [--preset NAME] [--run] [--lecture]: the desktop dashboard, optionally opening a project file.
#include "MainWindow.h"
#include "ParameterPanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>
#include <QSettings>

#include <algorithm>

#include <cstdio>
#include <cstring>

// --help and --version print and exit without a display (a QApplication would need one).
bool onlyPrints(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char* option : {"-h", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], option) == 0)
                return true;
    return false;
}

int main(int argc, char** argv)
{
    if (onlyPrints(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(aedyn);  // the icons live in the static aedyn_ui library
    QApplication::setOrganizationName(QStringLiteral("AEDyn"));  // QSettings: ~/.config/AEDyn/AEDyn.conf
    QApplication::setApplicationName(QStringLiteral("AEDyn"));
    QApplication::setApplicationVersion(QStringLiteral(AEDYN_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/aedyn.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Watch a shallow autoencoder learn, next to its exact theory."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption presetOpt("preset", "Open preset NAME (default fig2-sequential).", "NAME");
    const QCommandLineOption runOpt("run", "Start the simulation at once.");
    const QCommandLineOption lectureOpt("lecture", "Start in lecture mode (full screen, large type; Esc leaves).");
    parser.addOptions({presetOpt, runOpt, lectureOpt});
    parser.addPositionalArgument("FILE", "A project file (*.aedyn) to open.");
    parser.process(app);

    MainWindow window;
    if (parser.isSet(presetOpt) && !window.panel()->selectPreset(parser.value(presetOpt))) {
        std::fprintf(stderr, "aedyn: unknown preset '%s' (aedyn-cli --list-presets lists them)\n",
                     qPrintable(parser.value(presetOpt)));
        return 2;
    }
    // A project opened from the file manager; if it cannot be read the window says why and shows the default.
    if (!parser.positionalArguments().isEmpty() && !window.openProject(parser.positionalArguments().first()))
        std::fprintf(stderr, "aedyn: %s\n", qPrintable(window.message()));
    // 1600 × 1000 where the screen has room; never larger than the screen (a 1280 × 720 projector, say).
    if (!window.restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray())) {
        const QSize room = window.screen()->availableGeometry().size();
        window.resize(std::min(1600, room.width()), std::min(1000, room.height()));
        if (room.width() <= 1600 || room.height() <= 1000)
            window.setWindowState(Qt::WindowMaximized);
    }
    window.show();
    if (parser.isSet(lectureOpt))
        window.setLectureMode(true);
    if (parser.isSet(runOpt))
        QMetaObject::invokeMethod(&window, &MainWindow::runSimulation, Qt::QueuedConnection);
    const int rc = app.exec();
    if (qEnvironmentVariableIntValue("AEDYN_FRAME_STATS") == 1) {
        const auto [worst, median] = window.frameStats();
        std::fprintf(stderr, "aedyn: GUI-thread repaint worst %.2f ms, median %.2f ms\n", worst, median);
    }
    return rc;
}
