#pragma once
// Figures for papers (design.md "Figures for papers"): any chart, or the four together, rendered off-screen from a
// aedyn::RunResults at the physical size the author asks for, to PNG (at a DPI), SVG or PDF chosen by the file's
// extension — white background, 9-pt type at that size, no controls, the colours of the screen. The app and
// `aedyn-cli --figure` use the same code, so a script gets exactly the app's figure. Files are written through a
// temporary file: a failed export leaves nothing half-written and an older file intact.
#include "RunResults.h"
#include "LearningCurveChart.h"

#include <QImage>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

enum class FigureChart { Learning, Norms, Weights, Spectrum, Dashboard };

// "learning", "norms", "weights", "spectrum", "dashboard".
QString figureChartName(FigureChart c);
std::optional<FigureChart> parseFigureChart(const QString& name);

// What the charts show beyond the data: the dashboard's display options.
struct FigureOptions {
    double widthInches = 3.4, heightInches = 2.4;  // single column; 7 in for double
    int dpi = 300;                                  // PNG only; SVG and PDF are vector
    bool logError = true;
    bool individualRuns = false;
    std::optional<std::pair<double, double>> fitWindow;
    QList<PinnedCurve> pins;
};

// PNG figures are rasters held whole in memory: at most this many pixels.
constexpr double kMaxFigurePixels = 1e8;

// Empty when `path` ends in .png, .svg or .pdf (any case), else the message that names the problem.
QString figureFormatProblem(const QString& path);

// Writes the figure; returns an empty string on success, else one sentence naming the file and the problem.
QString exportFigure(const aedyn::RunResults& store, FigureChart chart, const FigureOptions& options, const QString& path);

// The figure as an image (for the clipboard), at `dpi`.
QImage renderFigure(const aedyn::RunResults& store, FigureChart chart, const FigureOptions& options);

// Any other figure (the sweep's): `content` on a white page at the figure's size, dressed like the charts above
// (9-pt type, no controls); `fill` draws the data once it is laid out (called twice: labels depend on the layout).
std::unique_ptr<QWidget> figurePage(QWidget* content, const FigureOptions& options, const std::function<void()>& fill);
// Writes the page that `build` makes as PNG, SVG or PDF (by the extension), through a temporary file; returns an
// empty string or the message naming the file and the problem.
QString writeFigure(const std::function<std::unique_ptr<QWidget>()>& build, const QString& title,
                    const FigureOptions& options, const QString& path);
