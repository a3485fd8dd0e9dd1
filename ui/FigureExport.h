#pragma once
// Figures for papers (design.md "Figures for papers"): any chart, or the four together, rendered off-screen from a
// aedyn::RunResults at the physical size the author asks for, to PNG (at a DPI), SVG or PDF chosen by the file's
// extension — white background, 9-pt type at that size, no controls, the colours of the screen. The app and
// `aedyn-cli --figure` use the same code, so a script gets exactly the app's figure. Files are written through a
// temporary file: a failed export leaves nothing half-written and an older file intact.
#include "RunResults.h"
#include "EncoderWeightsChart.h"
#include "LearningCurveChart.h"

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

// The dashboard's four panels (Dashboard: all four), and the views that are exported alone: the encoders in the
// eigenbasis (part of the weights panel) and the trained biases.
enum class FigureChart { Learning, Norms, Weights, Spectrum, Dashboard, Eigenbasis, Biases };

// "learning", "norms", "weights", "spectrum", "dashboard", "eigenbasis", "biases".
QString figureChartName(FigureChart c);
std::optional<FigureChart> parseFigureChart(const QString& name);

// What the charts show beyond the data: the dashboard's display options, and how the page is typeset.
struct FigureOptions {
    double widthInches = 3.4, heightInches = 2.4;  // single column; 7 in for double
    int dpi = 300;                                  // PNG only; SVG and PDF are vector
    bool titles = true;                             // a journal's caption often replaces the charts' titles
    double fontPoints = 9;                          // type size at the figure's physical size
    // A panel letter: a single chart gets this one, the dashboard's panels this one and the next three. Empty: none.
    QString panelLetter;
    bool logError = true;
    bool individualRuns = false;
    std::optional<std::pair<double, double>> fitWindow;
    EncoderWeightsChart::View weightsView = EncoderWeightsChart::View::ByData;
    QList<PinnedCurve> pins;
};

// PNG figures are rasters held whole in memory: at most this many pixels.
constexpr double kMaxFigurePixels = 1e8;

// Empty when `path` ends in .png, .svg or .pdf (any case), else the message that names the problem.
QString figureFormatProblem(const QString& path);

// The type sizes a figure may use, in points at the figure's physical size.
constexpr double kMinFigurePoints = 5, kMaxFigurePoints = 14;
// Empty when the type size is in range, else the message naming the bad value.
QString figureFontProblem(double points);
// Empty when the panel letter is empty or one letter (a to w for the dashboard, whose four panels take it and the
// next three), else the message naming the bad value.
QString panelLetterProblem(const QString& letter, FigureChart chart);
// The four charts together are laid out for the double column and need at least this page: in a single column, type
// small enough for them would be below 5 pt, and on pages between the two their words do not all fit (elided or
// overprinted in the norms quarter). A single column takes one chart at a time.
constexpr double kDashboardWidthInches = 7, kDashboardHeightInches = 4.8;
// Empty when the page can hold the chart's panels, else the message naming the size they need.
QString figurePageProblem(FigureChart chart, const FigureOptions& options);
// The panel letters of the chart's panels, in the order of the panels: "b" for one chart, "b, c, d, e" for the
// dashboard (empty when there is no letter).
QStringList panelLetters(const FigureOptions& options, FigureChart chart);

// Writes the figure; returns an empty string on success, else one sentence naming the file and the problem.
QString exportFigure(const aedyn::RunResults& store, FigureChart chart, const FigureOptions& options, const QString& path);

// The figure's page, laid out and filled, never shown on a screen: what exportFigure paints (for tests).
std::unique_ptr<QWidget> figureWidget(const aedyn::RunResults& store, FigureChart chart, const FigureOptions& options);

// The figure as an image (for the clipboard), at `dpi`.
QImage renderFigure(const aedyn::RunResults& store, FigureChart chart, const FigureOptions& options);

// Any other figure (the sweep's): `content` on a white page at the figure's size, dressed like the charts above
// (9-pt type, no controls); `fill` draws the data once it is laid out (called twice: labels depend on the layout).
std::unique_ptr<QWidget> figurePage(QWidget* content, const FigureOptions& options, const std::function<void()>& fill);
// Writes the page that `build` makes as PNG, SVG or PDF (by the extension), through a temporary file; returns an
// empty string or the message naming the file and the problem.
QString writeFigure(const std::function<std::unique_ptr<QWidget>()>& build, const QString& title,
                    const FigureOptions& options, const QString& path);
