#include "CliFigures.h"

#include "FigureExport.h"

#include <QApplication>

#include <cstring>

namespace {

bool wantsFigures(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--figure", 8) == 0 && std::strncmp(argv[i], "--figure-size", 13) != 0)
            return true;
    return false;
}

} // namespace

std::unique_ptr<QCoreApplication> makeCliApplication(int& argc, char** argv)
{
    if (wantsFigures(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

QString figureOptionsProblem(const CliOptions& options)
{
    for (const QString& f : options.figures)
        if (const QString problem = figureFormatProblem(f); !problem.isEmpty())
            return problem;
    if (const QString problem = figureFontProblem(options.fontPoints); !problem.isEmpty())
        return QStringLiteral("--font-size '%1': %2").arg(options.fontPoints).arg(problem);
    const FigureChart chart = parseFigureChart(options.chart).value_or(FigureChart::Learning);
    if (const QString problem = panelLetterProblem(options.panelLetter, chart); !problem.isEmpty())
        return QStringLiteral("--panel-letter '%1': %2").arg(options.panelLetter, problem);
    FigureOptions page;
    page.widthInches = options.widthInches;
    page.heightInches = options.heightInches;
    if (const QString problem = figurePageProblem(chart, page); !options.figures.isEmpty() && !problem.isEmpty())
        return QStringLiteral("--figure-size %1x%2: %3").arg(options.widthInches).arg(options.heightInches).arg(problem);
    return {};
}

QString writeFigures(const aedyn::RunResults& results, const CliOptions& options)
{
    FigureOptions figure;
    figure.widthInches = options.widthInches;
    figure.heightInches = options.heightInches;
    figure.dpi = options.dpi;
    figure.titles = options.figureTitles;
    figure.fontPoints = options.fontPoints;
    figure.panelLetter = options.panelLetter;
    const FigureChart chart = parseFigureChart(options.chart).value_or(FigureChart::Learning);
    for (const QString& f : options.figures)
        if (const QString problem = exportFigure(results, chart, figure, f); !problem.isEmpty())
            return problem;
    return {};
}
