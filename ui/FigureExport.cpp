#include "FigureExport.h"

#include "BiasChart.h"
#include "ChartStyle.h"
#include "EigenbasisChart.h"
#include "EncoderWeightsChart.h"
#include "PageFit.h"
#include "SpectrumChart.h"
#include "WeightNormChart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QBoxLayout>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QImageWriter>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QTextDocument>

#include <algorithm>
#include <memory>

namespace {

constexpr double kLogicalDpi = 96.0;  // widgets lay out in these pixels; painters scale them to the device

// An off-screen page on white, never shown on a screen.
std::unique_ptr<QWidget> whitePage()
{
    auto root = std::make_unique<QWidget>();
    root->setAttribute(Qt::WA_DontShowOnScreen);
    QPalette white = root->palette();
    for (auto role : {QPalette::Window, QPalette::Base})
        white.setColor(role, Qt::white);
    root->setPalette(white);
    root->setAutoFillBackground(true);
    return root;
}

// The page at the figure's size, laid out, its charts and type as the printed page wants them, controls hidden.
void dress(QWidget* root, const FigureOptions& o)
{
    root->resize(qRound(o.widthInches * kLogicalDpi), qRound(o.heightInches * kLogicalDpi));
    root->show();  // laid out and polished, but (WA_DontShowOnScreen) never on a screen
    for (QWidget* w : root->findChildren<QWidget*>())
        if (isControl(w))
            w->hide();
    for (QChartView* view : root->findChildren<QChartView*>()) {
        QChart* chart = view->chart();
        chart->setBackgroundBrush(Qt::white);
        chart->setBackgroundPen(Qt::NoPen);
        chart->setBackgroundRoundness(0);
        chart->setDropShadowEnabled(false);
        chart->setMargins(QMargins(2, 2, 2, 2));
        // The room Qt Charts keeps around the legend and inside the chart is a screen's: on a page every line counts.
        chart->layout()->setContentsMargins(0, 0, 0, 0);
        chart->legend()->setContentsMargins(0, 0, 0, 0);
        chart->setAnimationOptions(QChart::NoAnimation);
        // Qt Charts clips a legend's entries to the legend; painted into a PDF, that clip lands wrongly for every
        // chart but the one in the page's top left corner, and their entries right of the first vanished (seen
        // with pdftoppm; pdftotext still finds the text). A page's legend fits (PageFit), so it needs no clip.
        chart->legend()->setFlag(QGraphicsItem::ItemClipsChildrenToShape, false);
        view->setFrameShape(QFrame::NoFrame);
        setChartFontSize(chart, o.fontPoints);
    }
    QFont font = root->font();
    font.setPointSizeF(o.fontPoints);
    root->setFont(font);
}

// The panel's letter in its top left corner, in bold. Beside a (centred) title it shares the title's line; without
// titles, or without a chart to hold a title, the panel gives it a line of its own, so that no legend runs under it.
void letterPanel(QWidget* panel, const QString& letter, const FigureOptions& o)
{
    auto* label = new QLabel(letter, panel);
    label->setObjectName(QStringLiteral("panelLetter"));
    QFont bold = panel->font();
    bold.setPointSizeF(o.fontPoints + 1);
    bold.setBold(true);
    label->setFont(bold);
    label->setContentsMargins(3, 1, 0, 0);
    label->adjustSize();
    label->move(0, 0);
    label->raise();
    label->show();  // the page is already shown: a child made now is not
    // The chart that shows the panel's title: the panel itself, or the first chart shown in it (for images, none).
    auto* view = qobject_cast<QChartView*>(panel);
    for (QChartView* inside : panel->findChildren<QChartView*>())
        if (!view && inside->isVisibleTo(panel))
            view = inside;
    if (o.titles && view) {
        // The title stays centred and clear of the letter: where it would reach the letter, the chart keeps the
        // letter's width free on both sides (and a title too long for the rest is shortened, PageFit).
        QTextDocument title;
        title.setDefaultFont(view->chart()->titleFont());
        title.setHtml(view->chart()->title());
        if (title.idealWidth() + 2 * label->width() + 8 <= view->width())
            return;
        QMargins m = view->chart()->margins();
        m.setLeft(m.left() + label->width());
        m.setRight(m.right() + label->width());
        view->chart()->setMargins(m);
        return;
    }
    const int room = label->height();
    if (view == panel) {
        QMargins m = view->chart()->margins();
        m.setTop(m.top() + room);
        view->chart()->setMargins(m);
    } else if (panel->layout()) {
        panel->layout()->setContentsMargins(0, room, 0, 0);
    }
}

// Every chart of the page fitted to it (PageFit), until the layout stops changing what fits.
void fitCharts(QWidget* root, const FigureOptions& o)
{
    for (int pass = 0; pass < 4; ++pass) {
        for (QChartView* view : root->findChildren<QChartView*>()) {
            if (!o.titles)
                view->chart()->setTitle(QString());
            fitToPage(view->chart());
            // QChartView only ever raises its minimum to its chart's: one reached before the words were fitted
            // (a long title, a legend in one row) stayed, and figure 3's norms chart kept 145 px of a 230 px page
            // where it needs 109, with its exponents laid over its time axis.
            view->setMinimumSize(view->chart()->minimumSize().toSize());
        }
        QApplication::sendPostedEvents();
        QApplication::processEvents();
    }
}

// Fresh charts, never shown on screen, filled from the store: exactly what the dashboard draws.
std::unique_ptr<QWidget> buildFigure(const aedyn::RunResults& store, FigureChart which, const FigureOptions& o)
{
    std::unique_ptr<QWidget> root = whitePage();
    auto* grid = new QGridLayout(root.get());
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    QList<QWidget*> charts;
    auto add = [&](QWidget* w, int row, int column) {
        dynamic_cast<DashboardChart*>(w)->setChartStyle(ChartStyle::print());
        grid->addWidget(w, row, column);
        charts << w;
    };
    const bool all = which == FigureChart::Dashboard;
    if (all || which == FigureChart::Learning) {
        auto* c = new LearningCurveChart;
        c->setLogError(o.logError);
        c->setShowRuns(o.individualRuns);
        c->setPins(o.pins);
        add(c, 0, 0);
    }
    if (all || which == FigureChart::Norms)
        add(new WeightNormChart, 0, all ? 1 : 0);
    if (all || which == FigureChart::Weights) {
        auto* c = new EncoderWeightsChart;
        c->paintAtOnce();
        c->setView(o.weightsView);
        add(c, all ? 1 : 0, 0);
    }
    if (which == FigureChart::Eigenbasis)
        add(new EigenbasisChart, 0, 0);
    if (which == FigureChart::Biases)
        add(new BiasChart, 0, 0);
    if (all || which == FigureChart::Spectrum)
        add(new SpectrumChart, all ? 1 : 0, all ? 1 : 0);
    for (int i = 0; all && i < 2; ++i) {  // four equal quarters
        grid->setColumnStretch(i, 1);
        grid->setRowStretch(i, 1);
    }

    // The figure's size decides, not the on-screen minimum of a chart or of a map inside one (words keep theirs).
    for (QWidget* w : root->findChildren<QWidget*>())
        if (!qobject_cast<QLabel*>(w))
            w->setMinimumSize(std::clamp(w->minimumWidth(), 1, 60), std::clamp(w->minimumHeight(), 1, 60));
    dress(root.get(), o);
    QApplication::sendPostedEvents();
    // Two passes: the first lays the charts out at their size, the second places labels that depend on it.
    for (int pass = 0; pass < 2; ++pass) {
        for (QWidget* w : charts) {
            if (auto* c = qobject_cast<LearningCurveChart*>(w))
                c->refresh(store);
            else if (auto* c = qobject_cast<WeightNormChart*>(w)) {
                c->refresh(store);
                if (o.fitWindow)
                    c->setFitWindow(o.fitWindow->first, o.fitWindow->second);
            } else
                dynamic_cast<DashboardChart*>(w)->refresh(store);
        }
        QApplication::sendPostedEvents();
        QApplication::processEvents();
        if (pass == 0)  // markers in proportion to 9-pt type
            for (QChartView* view : root->findChildren<QChartView*>())
                for (QAbstractSeries* series : view->chart()->series())
                    if (auto* markers = qobject_cast<QScatterSeries*>(series))
                        markers->setMarkerSize(std::max(3.0, 0.7 * markers->markerSize()));
    }
    // Letters once the panels show what they will show (an image panel has no chart for its title).
    const QStringList letters = panelLetters(o, which);
    for (qsizetype i = 0; i < letters.size() && i < charts.size(); ++i)
        letterPanel(charts[i], letters[i], o);
    fitCharts(root.get(), o);
    return root;
}

// Paints the figure with the painter scaled from logical pixels to the device.
void paint(QWidget* figure, QPaintDevice* device, double deviceDpi)
{
    QPainter painter(device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(deviceDpi / kLogicalDpi, deviceDpi / kLogicalDpi);
    figure->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
}

QImage renderPage(QWidget* figure, const FigureOptions& options)
{
    QImage image(qRound(options.widthInches * options.dpi), qRound(options.heightInches * options.dpi),
                 QImage::Format_ARGB32);
    image.fill(Qt::white);
    image.setDotsPerMeterX(qRound(options.dpi / 0.0254));
    image.setDotsPerMeterY(qRound(options.dpi / 0.0254));
    paint(figure, &image, options.dpi);
    return image;
}

} // namespace

QString figureChartName(FigureChart c)
{
    switch (c) {
    case FigureChart::Learning: return QStringLiteral("learning");
    case FigureChart::Norms: return QStringLiteral("norms");
    case FigureChart::Weights: return QStringLiteral("weights");
    case FigureChart::Spectrum: return QStringLiteral("spectrum");
    case FigureChart::Dashboard: return QStringLiteral("dashboard");
    case FigureChart::Eigenbasis: return QStringLiteral("eigenbasis");
    case FigureChart::Biases: return QStringLiteral("biases");
    }
    return {};
}

std::optional<FigureChart> parseFigureChart(const QString& name)
{
    for (FigureChart c : {FigureChart::Learning, FigureChart::Norms, FigureChart::Weights, FigureChart::Spectrum,
                          FigureChart::Dashboard, FigureChart::Eigenbasis, FigureChart::Biases})
        if (figureChartName(c) == name)
            return c;
    return std::nullopt;
}

QString figureFormatProblem(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png") || suffix == QLatin1String("svg") || suffix == QLatin1String("pdf"))
        return {};
    return QStringLiteral("%1: unknown figure format '%2' (use .png, .svg or .pdf)")
        .arg(path, suffix.isEmpty() ? QStringLiteral("no extension") : QStringLiteral(".") + suffix);
}

QString figureFontProblem(double points)
{
    if (points >= kMinFigurePoints && points <= kMaxFigurePoints)
        return {};
    return QStringLiteral("font size %1 pt is out of range (%2 to %3 pt)")
        .arg(points)
        .arg(kMinFigurePoints)
        .arg(kMaxFigurePoints);
}

QString panelLetterProblem(const QString& l, FigureChart chart)
{
    if (l.isEmpty())
        return {};
    const bool dashboard = chart == FigureChart::Dashboard;
    const QChar last = dashboard ? QLatin1Char('w') : QLatin1Char('z');
    if (l.size() != 1 || l.at(0).toLower() < QLatin1Char('a') || l.at(0).toLower() > last)
        return dashboard ? QStringLiteral("panel letter '%1' must be one letter from a to w (the dashboard's four "
                                          "panels take it and the next three)")
                               .arg(l)
                         : QStringLiteral("panel letter '%1' must be one letter from a to z").arg(l);
    return {};
}

QString figurePageProblem(FigureChart chart, const FigureOptions& o)
{
    // A hundredth of an inch spare: a size typed as 7 × 4.8 is the double column.
    if (chart != FigureChart::Dashboard ||
        (o.widthInches >= kDashboardWidthInches - 0.01 && o.heightInches >= kDashboardHeightInches - 0.01))
        return {};
    return QStringLiteral("%1 × %2 in is too small for the four charts: they need at least %3 × %4 in (double "
                          "column); for a single column, export one chart at a time")
        .arg(o.widthInches)
        .arg(o.heightInches)
        .arg(kDashboardWidthInches)
        .arg(kDashboardHeightInches);
}

QStringList panelLetters(const FigureOptions& options, FigureChart chart)
{
    if (options.panelLetter.isEmpty())
        return {};
    QStringList letters;
    for (int i = 0; i < (chart == FigureChart::Dashboard ? 4 : 1); ++i)
        letters << QString(QChar(options.panelLetter.at(0).unicode() + i));
    return letters;
}

std::unique_ptr<QWidget> figureWidget(const aedyn::RunResults& store, FigureChart chart, const FigureOptions& options)
{
    return buildFigure(store, chart, options);
}

QImage renderFigure(const aedyn::RunResults& store, FigureChart chart, const FigureOptions& options)
{
    return renderPage(buildFigure(store, chart, options).get(), options);
}

std::unique_ptr<QWidget> figurePage(QWidget* content, const FigureOptions& options,
                                    const std::function<void()>& fill)
{
    std::unique_ptr<QWidget> root = whitePage();
    auto* layout = new QVBoxLayout(root.get());
    layout->setContentsMargins(0, 0, 0, 0);
    content->setMinimumSize(60, 60);
    layout->addWidget(content);
    dress(root.get(), options);
    // Two passes: the first lays the content out at its size, the second places what depends on it.
    for (int pass = 0; pass < 2; ++pass) {
        QApplication::sendPostedEvents();
        fill();
        QApplication::sendPostedEvents();
        QApplication::processEvents();
    }
    return root;
}


QString exportFigure(const aedyn::RunResults& store, FigureChart chart, const FigureOptions& options, const QString& path)
{
    if (const QString problem = panelLetterProblem(options.panelLetter, chart); !problem.isEmpty())
        return path + QStringLiteral(": ") + problem;
    if (const QString problem = figurePageProblem(chart, options); !problem.isEmpty())
        return path + QStringLiteral(": ") + problem;
    return writeFigure([&] { return buildFigure(store, chart, options); }, figureChartName(chart), options, path);
}

QString writeFigure(const std::function<std::unique_ptr<QWidget>()>& build, const QString& title,
                    const FigureOptions& options, const QString& path)
{
    if (const QString problem = figureFormatProblem(path); !problem.isEmpty())
        return problem;
    if (const QString problem = figureFontProblem(options.fontPoints); !problem.isEmpty())
        return path + QStringLiteral(": ") + problem;
    if (!(options.widthInches > 0 && options.heightInches > 0 && options.widthInches <= 50 &&
          options.heightInches <= 50 && options.dpi >= 30 && options.dpi <= 2400))
        return QStringLiteral("%1: figure size %2 × %3 in at %4 dpi is out of range (up to 50 in, 30 to 2400 dpi)")
            .arg(path)
            .arg(options.widthInches)
            .arg(options.heightInches)
            .arg(options.dpi);
    const QString suffix = QFileInfo(path).suffix().toLower();
    // A raster is allocated whole (4 bytes a pixel): refuse one beyond 100 megapixels before taking the memory.
    const double pixels = options.widthInches * options.dpi * options.heightInches * options.dpi;
    if (suffix == QLatin1String("png") && pixels > kMaxFigurePixels)
        return QStringLiteral("%1: %2 × %3 in at %4 dpi is %5 megapixels; PNG figures are limited to %6 megapixels")
            .arg(path)
            .arg(options.widthInches)
            .arg(options.heightInches)
            .arg(options.dpi)
            .arg(pixels / 1e6, 0, 'f', 0)
            .arg(kMaxFigurePixels / 1e6, 0, 'f', 0);
    const std::unique_ptr<QWidget> figure = build();
    // Panels that need more room than the page has make it grow past its size, and its edge would cut them.
    const QSize logical(qRound(options.widthInches * kLogicalDpi), qRound(options.heightInches * kLogicalDpi));
    if (figure->width() > logical.width() + 1 || figure->height() > logical.height() + 1)
        return QStringLiteral("%1: %2 × %3 in is too small for this figure at this type size (it needs %4 × %5 in); "
                              "choose a larger size, smaller type or one chart at a time")
            .arg(path)
            .arg(options.widthInches)
            .arg(options.heightInches)
            .arg(figure->width() / kLogicalDpi, 0, 'f', 1)
            .arg(figure->height() / kLogicalDpi, 0, 'f', 1);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    bool written = true;
    if (suffix == QLatin1String("png")) {
        QImageWriter writer(&file, "png");
        written = writer.write(renderPage(figure.get(), options));
    } else {
        if (suffix == QLatin1String("svg")) {
            QSvgGenerator svg;
            svg.setOutputDevice(&file);
            svg.setSize(logical);
            svg.setViewBox(QRect(QPoint(), logical));
            svg.setResolution(static_cast<int>(kLogicalDpi));  // so the file says its size in inches
            svg.setTitle(QStringLiteral("AEDyn — %1").arg(title));
            paint(figure.get(), &svg, kLogicalDpi);
        } else {
            QPdfWriter pdf(&file);
            pdf.setPageSize(QPageSize(QSizeF(options.widthInches, options.heightInches), QPageSize::Inch));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            // Vector output: at the widgets' own 96 dpi text is measured as it was laid out (a finer grid
            // changes the metrics and the legend loses entries); the page still measures the requested inches.
            pdf.setResolution(static_cast<int>(kLogicalDpi));
            pdf.setTitle(QStringLiteral("AEDyn — %1").arg(title));
            pdf.setCreator(QStringLiteral("AEDyn %1").arg(QStringLiteral(AEDYN_VERSION)));
            paint(figure.get(), &pdf, pdf.resolution());
        }
    }
    if (!written || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}
