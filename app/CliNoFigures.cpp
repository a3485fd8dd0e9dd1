#include "CliFigures.h"

std::unique_ptr<QCoreApplication> makeCliApplication(int& argc, char** argv)
{
    return std::make_unique<QCoreApplication>(argc, argv);
}

QString figureOptionsProblem(const CliOptions& options)
{
    if (options.figures.isEmpty())
        return {};
    return QStringLiteral("this aedyn-cli was built without the GUI (AEDYN_BUILD_GUI=OFF), so it cannot draw figures");
}

QString writeFigures(const aedyn::RunResults&, const CliOptions&) { return {}; }
