#include "WeightNormChart.h"

#include "ChangedOnly.h"
#include "ChartSeries.h"
#include "ChartStyle.h"
#include "Decimation.h"
#include "LongTimeContinuation.h"
#include "PageFit.h"
#include "ReducedOde.h"

#include <QChart>
#include <QChartView>
#include <QDoubleSpinBox>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QTextDocument>
#include <QtMath>
#include <QScatterSeries>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr int kFittedUnits = 6;  // exponents printed; more would not fit on the chart
const QString kDragHint = QStringLiteral("Drag across the plot to choose the time window of the power-law fit");
// A printed chart of many units draws this many of them beside the median and range of all: on a page, eight lines
// of each scale are a tangle, and their exponents and legend left the plot too short for its axis titles.
constexpr int kPrintedUnits = 3;

// Three significant digits and a real minus sign (design.md).
// Fixed decimals, never an exponent: a flat curve reads 0.000, not −1.55e−06, and every value is as wide as the
// "−0.000" the box reserves room for. An exponent that rounds to zero is 0.000, not −0.000.
QString exponentText(double x, int decimals = 3)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(x * scale) / scale;
    return QString::number(rounded == 0 ? 0.0 : rounded, 'f', decimals).replace(QLatin1Char('-'), QStringLiteral("−"));
}

void addToChart(QChart* chart, QAbstractSeries* s, QAbstractAxis* x, QAbstractAxis* y, bool inLegend)
{
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    chart->legend()->markers(s).first()->setVisible(inLegend);
}

} // namespace

WeightNormChart::WeightNormChart(QWidget* parent)
    : QWidget(parent)
    , view_(new QChartView)
    , chart_(view_->chart())
    , tAxis_(makeLogAxis(chart_, QStringLiteral("time t")))
    , yAxis_(makeLogAxis(chart_, QString()))
    , fitFrom_(new QDoubleSpinBox)
    , fitTo_(new QDoubleSpinBox)
    , windowEdges_(new QLineSeries)
    , exponents_(new SteadyLabel)
{
    setShortTitle(tAxis_, {QStringLiteral("t")});
    exponents_->setObjectName(QStringLiteral("exponentBox"));
    exponents_->setTextFormat(Qt::RichText);
    exponents_->setContentsMargins(8, 2, 8, 2);
    exponents_->setAlignment(Qt::AlignLeft | Qt::AlignTop);  // the reserved lines below the text, not around it
    view_->setRenderHint(QPainter::Antialiasing);
    chart_->legend()->setAlignment(Qt::AlignTop);
    chart_->addAxis(tAxis_, Qt::AlignBottom);
    chart_->addAxis(yAxis_, Qt::AlignLeft);

    addToChart(chart_, windowEdges_, tAxis_, yAxis_, false);
    for (QLineSeries*& s : summary_) {
        s = new QLineSeries;
        addToChart(chart_, s, tAxis_, yAxis_, false);
    }
    for (QLineSeries*& s : excess_) {
        s = new QLineSeries;
        addToChart(chart_, s, tAxis_, yAxis_, false);
    }
    excess_[0]->setName(QStringLiteral("ε − ε_PCA(1)"));
    ensureSeries(aedyn::kChartUnits);  // the most units a chart draws one by one
    ensureSeries(0);
    view_->viewport()->installEventFilter(this);
    connect(chart_, &QChart::plotAreaChanged, this, [this] {
        if (!style_.page)  // a page's words, once set, are PageFit's to shorten
            fitWords();
    });
    view_->setToolTip(kDragHint);
    for (QDoubleSpinBox* box : {fitFrom_, fitTo_}) {
        box->setRange(1e-3, 1e8);
        box->setDecimals(2);
        box->setMaximumWidth(110);
        box->setToolTip(QStringLiteral("Time window of the power-law fit (applies live; or drag across the plot)"));
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { updateFit(); });
    }
    auto* controls = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{new QLabel(QStringLiteral("Fit: t from")), fitFrom_,
                                                      new QLabel(QStringLiteral("to")), fitTo_}) {
        markControl(w);
        controls->addWidget(w);
    }
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_, 1);
    layout->addWidget(exponents_);
    layout->addLayout(controls);
}

bool WeightNormChart::roomBeside(const QString& text) const
{
    // The chart needs its title, legend, ticks and axis title, Qt Charts' margins around them, and a plot of about
    // as much again: 16 lines of its title's type (with 12, a 1280×720 dashboard left a 40 px plot with "...").
    const int plotNeeds = 16 * QFontMetrics(chart_->titleFont()).lineSpacing();
    const int controls = fitFrom_->sizeHint().height();
    return height() - textHeight(text) - controls >= plotNeeds;
}

int WeightNormChart::textHeight(const QString& text) const
{
    QTextDocument box;
    box.setDefaultFont(exponents_->font());
    box.setHtml(text);
    const QMargins m = exponents_->contentsMargins();
    box.setTextWidth(std::max(1, width() - m.left() - m.right()));
    return qCeil(box.size().height()) + m.top() + m.bottom();
}

void WeightNormChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // On screen: whether the key of line styles still fits beside the plot (a page's words are PageFit's).
    if (!style_.page && event->oldSize() != event->size())
        updateFit();
}

void WeightNormChart::ensureSeries(int K)
{
    // Made once, then shown or hidden: a set-up that made a unit's four series spent 4 ms of its frame on them.
    while (encoderTheory_.size() < K) {
        const int k = static_cast<int>(encoderTheory_.size());
        auto* wTheory = new QLineSeries;
        auto* vTheory = new QLineSeries;
        wTheory->setName(QStringLiteral("unit %1").arg(k + 1));
        auto* wSim = new QScatterSeries;
        auto* vSim = new QScatterSeries;
        // Hollow, so that the theory lines (drawn below scatter series by Qt Charts) show through.
        for (QScatterSeries* s : {wSim, vSim}) {
            s->setMarkerSize(6);
            s->setColor(Qt::transparent);
        }
        vSim->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        addToChart(chart_, wTheory, tAxis_, yAxis_, true);
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{vTheory, wSim, vSim})
            addToChart(chart_, s, tAxis_, yAxis_, false);
        encoderTheory_.append(wTheory);
        decoderTheory_.append(vTheory);
        encoderSim_.append(wSim);
        decoderSim_.append(vSim);
    }
    for (int k = 0; k < encoderTheory_.size(); ++k) {
        const bool shown = k < K;
        for (QXYSeries* s : {static_cast<QXYSeries*>(encoderTheory_[k]), static_cast<QXYSeries*>(decoderTheory_[k]),
                             static_cast<QXYSeries*>(encoderSim_[k]), static_cast<QXYSeries*>(decoderSim_[k])}) {
            if (!shown && s->count() > 0)
                s->clear();
            if (s->isVisible() == shown)
                continue;
            s->setVisible(shown);
            // Qt Charts shows a series' legend entry with the series: only the encoder's theory has one.
            chart_->legend()->markers(s).first()->setVisible(shown && s == encoderTheory_[k]);
        }
    }
}

void WeightNormChart::fitWords()
{
    const QString full = projections_ ? QStringLiteral("a, c") : QStringLiteral("‖w_k‖, ‖v_k‖/√D");
    if (style_.page) {  // a page's words are fitted by PageFit
        if (yAxis_->titleText() != full)
            yAxis_->setTitleText(full);
        return;
    }
    // On screen the plot's height decides the y title (a 1280×720 dashboard elided the long one) and the chart's
    // width the unit names: "unit 1, 2, 3" where "unit 1 unit 2 unit 3" would be elided to "uni..." (1024×768).
    const QString title =
        longestFitting(yAxis_->titleFont(), chart_->plotArea().height(), {full, QStringLiteral("norms"), QString()});
    if (yAxis_->titleText() != title)
        yAxis_->setTitleText(title);
    // Below about four lines of plot Qt Charts has no height left for the time axis's title and prints "..."
    // (figure 3 in a lecture at 1024×768): no title rather than that; it returns once the plot would keep four lines
    // with it, so that taking it away and giving it back cannot alternate.
    const double line = QFontMetricsF(tAxis_->titleFont()).lineSpacing();
    const double plotHeight = chart_->plotArea().height();
    const bool titled = !tAxis_->titleText().isEmpty();
    if (titled && plotHeight < 4 * line)
        tAxis_->setTitleText(QString());
    else if (!titled && plotHeight >= 4 * line + 1.5 * line)
        tAxis_->setTitleText(QStringLiteral("time t"));
    QStringList entries;
    // The entries refresh() shows (asked of the series: a marker of a hidden legend reads as invisible).
    for (QLineSeries* s : {summary_[0], excess_[0]})
        if (s->count() > 0)
            entries << s->name();
    for (int k = 0; k < shownUnits_; ++k)
        entries << QStringLiteral("unit %1").arg(k + 1);
    const QMargins m = chart_->margins();
    const double room = chart_->size().width() - m.left() - m.right() - 16;
    const bool brief = legendRowWidth(chart_->legend()->font(), entries) > room;
    QStringList briefEntries = entries.mid(0, entries.size() - shownUnits_);
    for (int k = 0; k < shownUnits_ && k < encoderTheory_.size(); ++k) {
        const QString name = k == 0 || !brief ? QStringLiteral("unit %1").arg(k + 1) : QString::number(k + 1);
        briefEntries << name;
        if (encoderTheory_[k]->name() != name)
            encoderTheory_[k]->setName(name);
    }
    // A legend line too short even for the brief names shows bare colour squares (Qt elides every name) and takes
    // the height the axis titles need (figure 5d at 1024×768: the time axis read "..."). The units' colours are
    // those of every panel, and the key under the plot then names the grey summary lines.
    const bool legend = legendRowWidth(chart_->legend()->font(), briefEntries) <= room;
    if (chart_->legend()->isVisible() != legend) {
        chart_->legend()->setVisible(legend);
        updateFit();
    }
}

void WeightNormChart::refresh(const aedyn::RunResults& store)
{
    const aedyn::RunSetup& setup = store.setup();
    projections_ = setup.K == 1;
    // The same series the CSV export writes; each route with its own K (a run of other parameters may still show).
    series_ = aedyn::normSeries(store);
    units_ = store.setup().K;
    const std::vector<aedyn::Series>& series = series_;
    int units = 0;
    for (const aedyn::Series& s : series)
        units = std::max(units, s.unit + 1);
    const bool summarised = std::any_of(series.begin(), series.end(), [](const aedyn::Series& s) { return s.unit < 0; });
    if (style_.page && summarised)
        units = std::min(units, kPrintedUnits);
    shownUnits_ = units;
    ensureSeries(units);
    windowEdges_->setPen(QPen(style_.reference(), style_.pen(1.0), Qt::DashDotLine));
    // A short plot (a printed figure) names the quantities only; the box under the plot says which is which.
    setShortTitle(yAxis_, {projections_ ? QStringLiteral("a, c") : QStringLiteral("norms")});
    const int width = static_cast<int>(chart_->plotArea().width());
    double lo = 1e300, hi = 0;
    std::vector<std::array<QList<QPointF>, 4>> points(units);  // w, v (ODE); w, v (SGD)
    std::array<QList<QPointF>, 6> summary;  // median, min, max of ‖w‖, then of ‖v‖/√D, over all units
    std::array<QList<QPointF>, 4> excess;  // ODE excess; reduced ODE's a, c, excess
    for (const aedyn::Series& s : series) {
        const bool reduced = s.route == "reduced-ode";
        if (s.column == "excess" || reduced) {
            const int slot = !reduced ? 0 : s.column == "excess" ? 3 : s.column.rfind("abs_u_", 0) == 0 ? 1 : 2;
            for (std::size_t i = 0; i < s.t.size(); ++i) {
                excess[slot].append({s.t[i], s.y[i]});
                lo = std::min(lo, s.y[i]);
                hi = std::max(hi, s.y[i]);
            }
            continue;
        }
        if (s.unit < 0) {
            static const char* const names[] = {"wnorm_median", "wnorm_min", "wnorm_max",
                                                "vnorm_median", "vnorm_min", "vnorm_max"};
            const auto slot = std::find(std::begin(names), std::end(names), s.column) - std::begin(names);
            for (std::size_t i = 0; slot < 6 && i < s.t.size(); ++i) {
                summary[slot].append({s.t[i], s.y[i]});
                lo = std::min(lo, s.y[i]);
                hi = std::max(hi, s.y[i]);
            }
            continue;
        }
        if (s.unit >= units)
            continue;
        const bool encoder = s.column.rfind("wnorm_", 0) == 0 || s.column.rfind("abs_u_", 0) == 0;
        const int slot = (s.route == "ode" ? 0 : 2) + (encoder ? 0 : 1);
        for (std::size_t i = 0; i < s.t.size(); ++i) {
            points[s.unit][slot].append({s.t[i], s.y[i]});
            lo = std::min(lo, s.y[i]);
            hi = std::max(hi, s.y[i]);
        }
    }
    // The axes before the points: series replaced under the old ones were laid out twice. The time axis runs to the
    // grid's end, or to the reduced ODE's when it goes further.
    std::pair<double, double> tRange{0.0, 0.0};
    if (setup.times.size() > 1) {
        const double tMax = setup.times.back();
        tRange = {setup.times[1], excess[1].isEmpty() ? tMax : std::max(tMax, excess[1].last().x())};
        tAxis_->setRange(tRange.first, tRange.second);
        // A new time range gets the last decade as its fit window: where the late power laws live.
        if (tMax != fittedGridEnd_) {
            fittedGridEnd_ = tMax;
            if (restoredWindow_)
                setFitWindow(restoredWindow_->first, restoredWindow_->second);
            else
                setFitWindow(tMax / 10, tMax);
            restoredWindow_.reset();
        }
    }
    if (hi > 0)
        setLogRange(yAxis_, lo, hi);
    // Beyond the units drawn one by one: the median over all units (thick grey) and the range (thin grey).
    const QColor summaryColour = style_.reference(store.theoryStale ? 100 : 150);
    for (int i = 0; i < 6; ++i) {
        const bool median = i % 3 == 0;
        summary_[i]->setPen(QPen(summaryColour, style_.pen(median ? 2.0 : 1.0), i < 3 ? Qt::SolidLine : Qt::DashLine));
        replaceIfChanged(summary_[i], decimateLogX(summary[i], width));
    }
    summary_[0]->setName(summary[0].isEmpty() ? QString()
                         : style_.page ? QStringLiteral("median and range of all %1").arg(setup.K)
                                       : QStringLiteral("median and range of all %1 units").arg(setup.K));
    showMarker(chart_->legend()->markers(summary_[0]).first(), !summary[0].isEmpty());
    if (style_.page && !summary[0].isEmpty() && units > 1) {
        // A printed chart has room for one legend line: one entry names the drawn units, in the colours they have in
        // every panel, the other the summary.
        encoderTheory_[0]->setName(QStringLiteral("units 1–%1").arg(units));
        for (int k = 1; k < units; ++k)
            chart_->legend()->markers(encoderTheory_[k]).first()->setVisible(false);
    }
    // The continuation in the unit's colour, thinner, with the dash of the quantity it continues; the excess error
    // dash-dotted in grey, as it is the learning curve's, not the unit's.
    const QColor unitOne = store.theoryStale ? style_.reference() : style_.unit(0);
    const QColor excessColour = style_.reference(store.theoryStale ? 100 : 170);
    const std::array<QPen, 4> excessPens{QPen(excessColour, style_.pen(1.5), Qt::DashDotLine),
                                         QPen(unitOne.lighter(130), style_.pen(1.2)),
                                         QPen(unitOne.lighter(130), style_.pen(1.2), Qt::DashLine),
                                         QPen(excessColour, style_.pen(1.0), Qt::DashDotLine)};
    for (std::size_t i = 0; i < excess.size(); ++i) {
        excess_[i]->setPen(excessPens[i]);
        replaceIfChanged(excess_[i], decimateLogX(excess[i], width));
        showMarker(chart_->legend()->markers(excess_[i]).first(), i == 0 && !excess[i].isEmpty());
    }
    // The definitions of a and c are in the key under the plot: a long axis title is elided on a projector.
    fitWords();
    longTimeText_.clear();
    longTimeExponents_.clear();
    if (!excess[1].isEmpty()) {
        auto fit = [&](const QList<QPointF>& points) {
            std::vector<double> t, y;
            for (const QPointF& p : points) {
                t.push_back(p.x());
                y.push_back(p.y());
            }
            return exponentText(aedyn::fitPowerLaw(t, y, aedyn::kLongTimeFitFrom, aedyn::kLongTimeEnd).exponent);
        };
        longTimeText_ = QStringLiteral("Reduced ODE (§7) continued from t = %1 to 10<sup>8</sup>, fitted on "
                                       "10<sup>6</sup> ≤ t ≤ 10<sup>8</sup>: <b>a ∝ t<sup>%2</sup></b>, "
                                       "<b>c ∝ t<sup>%3</sup></b>, <b>ε − ε<sub>PCA</sub>(1) ∝ t<sup>%4</sup></b> "
                                       "(asymptotes −1/6, +1/6, −2/3)")
                            .arg(excess[1].first().x(), 0, 'g', 4)
                            .arg(fit(excess[1]), fit(excess[2]), fit(excess[3]));
        longTimeExponents_ = {fit(excess[1]), fit(excess[2]), fit(excess[3])};
    }
    for (int k = 0; k < units; ++k) {
        // Curves of parameters that have since changed stay drawn, in grey, until the new ones arrive.
        const QColor theoryColour = store.theoryStale ? style_.reference() : style_.unit(k);
        const QColor simColour = store.simulationStale ? style_.reference() : style_.unit(k);
        encoderTheory_[k]->setPen(QPen(theoryColour, style_.pen(2.0)));
        decoderTheory_[k]->setPen(QPen(theoryColour, style_.pen(2.0), Qt::DashLine));
        encoderSim_[k]->setPen(QPen(simColour, style_.pen(1.2)));
        decoderSim_[k]->setPen(QPen(simColour, style_.pen(1.2)));
        replaceIfChanged(encoderTheory_[k], decimateLogX(points[k][0], width));
        replaceIfChanged(decoderTheory_[k], decimateLogX(points[k][1], width));
        // Markers one and a half widths apart on the time axis, as on the learning curve: denser ones only overprint
        // each other, and each costs its own outline.
        const double spacing = 1.5 * encoderSim_[k]->markerSize();
        replaceIfChanged(encoderSim_[k], spaceMarkersLogX(points[k][2], tRange.first, tRange.second, width, spacing));
        replaceIfChanged(decoderSim_[k], spaceMarkersLogX(points[k][3], tRange.first, tRange.second, width, spacing));
    }
    updateFit();
}

void WeightNormChart::setFitWindow(double from, double to)
{
    const QSignalBlocker a(fitFrom_), b(fitTo_);
    fitFrom_->setValue(std::min(from, to));
    fitTo_->setValue(std::max(from, to));
    updateFit();
}

void WeightNormChart::restoreFitWindow(double from, double to)
{
    restoredWindow_ = {from, to};
    setFitWindow(from, to);
}

std::pair<double, double> WeightNormChart::fitWindow() const { return {fitFrom_->value(), fitTo_->value()}; }

bool WeightNormChart::eventFilter(QObject* watched, QEvent* event)
{
    // Only mouse presses and moves are mouse events: every other event must not be read as one.
    const bool mouseEvent = event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseMove;
    if (watched == view_->viewport() && mouseEvent) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        auto timeAt = [&] {
            return chart_->mapToValue(view_->mapToScene(mouse->position().toPoint()), windowEdges_).x();
        };
        if (event->type() == QEvent::MouseButtonPress && mouse->button() == Qt::LeftButton) {
            dragStart_ = timeAt();
            return true;
        }
        if (event->type() == QEvent::MouseMove && (mouse->buttons() & Qt::LeftButton) && dragStart_ > 0) {
            const double t = timeAt();
            if (t > 0 && std::abs(std::log(t / dragStart_)) > 0.01)
                setFitWindow(dragStart_, t);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void WeightNormChart::drawWindow()
{
    const double lo = yAxis_->min(), hi = yAxis_->max();
    const double a = fitFrom_->value(), b = fitTo_->value();
    // Down one edge, along the bottom, up the other: one series draws both edges. Before any time range the
    // spin boxes hold 0 (their minimum, rounded to two decimals), which a log axis cannot take.
    replaceIfChanged(windowEdges_, a > 0 && lo > 0 ? QList<QPointF>{{a, hi}, {a, lo}, {b, lo}, {b, hi}} : QList<QPointF>{});
}

void WeightNormChart::updateFit()
{
    drawWindow();
    const QString name = projections_ ? QStringLiteral("Spike projections") : QStringLiteral("Weight norms");
    if (const QString title = QStringLiteral("<b>%1</b>").arg(name); chart_->title() != title)
        chart_->setTitle(title);
    // What the line styles mean, said once under the plot rather than in axis titles that get elided.
    const QString a = projections_ ? QStringLiteral("a") : QStringLiteral("‖w_k‖");
    const QString c = projections_ ? QStringLiteral("c") : QStringLiteral("‖v_k‖/√D");
    const bool excessDrawn = excess_[0]->count() > 0, longTime = !longTimeText_.isEmpty();
    auto keyText = [&](bool excess, bool summaryUnexplained) {
        return (style_.page ? QStringLiteral("<span style='color:%5'>%1 solid, %2 dashed%3; lines ODE%4, markers SGD.</span>")
                            : QStringLiteral("<span style='color:%5'>%1 solid, %2 dashed%3 · lines ODE%4, hollow markers "
                                             "SGD mean</span>"))
            .arg(projections_ ? QStringLiteral("a = |w·e₁|") : a, projections_ ? QStringLiteral("c = |v·e₁|/√D") : c,
                 QString(excess ? QStringLiteral(", ε − ε<sub>PCA</sub>(1) grey dash-dotted") : QString()) +
                     (summaryUnexplained ? QStringLiteral(", grey: median and range of all %1 units").arg(units_)
                                         : QString()),
                 longTime ? QStringLiteral(" (thin: reduced ODE)") : QString())
            .arg(style_.reference(150).name());
    };
    QString key = keyText(excessDrawn, !chart_->legend()->isVisible() && summary_[0]->count() > 0);
    const QString longTimeLine = longTime ? longTimeText_ + QStringLiteral("<br>") : QString();
    if (units_ == 0) {
        exponents_->setSteadyText(key);
        fitText_.clear();
        return;
    }
    // Fit the drawn theory where there is one, else the drawn simulation mean: the same series as on screen.
    const std::vector<aedyn::Series>& series = series_;  // drawn by the last refresh
    const bool theory = std::any_of(series.begin(), series.end(), [](const aedyn::Series& s) {
        return s.route == "ode" && !s.t.empty();
    });
    auto find = [&](int k, bool encoder) -> const aedyn::Series* {
        for (const aedyn::Series& s : series) {
            const bool isEncoder = s.column.rfind("wnorm_", 0) == 0 || s.column.rfind("abs_u_", 0) == 0;
            const bool isDecoder = s.column.rfind("vnorm_", 0) == 0 || s.column.rfind("abs_z_", 0) == 0;
            if (s.unit == k && s.route == (theory ? "ode" : "sgd") && (encoder ? isEncoder : isDecoder))
                return &s;
        }
        return nullptr;
    };
    QStringList encoder, decoder, plain;
    const int fitted = std::min(kFittedUnits, shownUnits_);  // the exponents of drawn units only
    for (int k = 0; k < fitted; ++k) {
        const aedyn::Series* ws = find(k, true);
        const aedyn::Series* vs = find(k, false);
        if (!ws || !vs)
            break;
        const auto fw = aedyn::fitPowerLaw(ws->t, ws->y, fitFrom_->value(), fitTo_->value());
        const auto fv = aedyn::fitPowerLaw(vs->t, vs->y, fitFrom_->value(), fitTo_->value());
        if (fw.points < 2 || fv.points < 2)
            continue;
        const QString colour = style_.unit(k).name();
        // On a page two decimals: −0.17 says ∓1/6 as well as −0.167 does, in less of the few lines there are.
        auto shown = [this](double x) { return exponentText(x, style_.page ? 2 : 3); };
        encoder << QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, shown(fw.exponent));
        decoder << QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, shown(fv.exponent));
        plain << QStringLiteral("unit %1: %2 ∝ t^%3, %4 ∝ t^%5")
                     .arg(k + 1)
                     .arg(projections_ ? QStringLiteral("a") : QStringLiteral("‖w‖"), exponentText(fw.exponent),
                          projections_ ? QStringLiteral("c") : QStringLiteral("‖v‖/√D"), exponentText(fv.exponent));
    }
    auto excessText = [](const QString& exponent) {
        return QStringLiteral("; <b>ε − ε<sub>PCA</sub>(1) ∝ t<sup>α</sup></b>, α = %1").arg(exponent);
    };
    QString excessFit, excessExponent;
    for (const aedyn::Series& s : series)
        if (s.column == "excess" && s.route == "ode" && theory) {
            const auto fe = aedyn::fitPowerLaw(s.t, s.y, fitFrom_->value(), fitTo_->value());
            if (fe.points >= 2) {
                excessExponent = exponentText(fe.exponent);
                excessFit = excessText(excessExponent);
                plain << QStringLiteral("ε − ε_PCA(1) ∝ t^%1").arg(excessExponent);
            }
        }
    fitText_ = plain.join(QStringLiteral("; "));
    const QString window = QStringLiteral("%1 ≤ t ≤ %2").arg(fitFrom_->value(), 0, 'g', 6).arg(fitTo_->value(), 0, 'g', 6);
    const QString route = theory ? QStringLiteral("ODE") : QStringLiteral("SGD mean");
    const QString sep = QStringLiteral(", ");
    const QString more = units_ > kFittedUnits ? QStringLiteral(", …") : QString();
    auto screenText = [&](const QString& route, const QStringList& encoder, const QStringList& decoder,
                          const QString& excessFit, const QString& key) {
        return QStringLiteral("Power laws fitted to the %1 on %2: <b>%3 ∝ t<sup>α</sup></b>, α = %4%5; "
                              "<b>%6 ∝ t<sup>α</sup></b>, α = %7%5%8<br>%9%10")
            .arg(route, window, a, encoder.join(sep), more, c, decoder.join(sep), excessFit, longTimeLine, key);
    };
    // On a short panel the key of line styles goes to the plot's tooltip, so that the plot keeps room to read: a
    // lecture at 1024×768 left figure 3's projections a plot 25 px high under five lines of key.
    if (!style_.page) {
        const QStringList widest(std::min(kFittedUnits, std::max(units_, shownUnits_)), QStringLiteral("−0.000"));
        const bool keyFits = roomBeside(screenText(QStringLiteral("SGD mean"), widest, widest,
                                                   excessDrawn ? excessText(QStringLiteral("−0.000")) : QString(), key));
        const QString tip = keyFits ? kDragHint : QStringLiteral("<p>%1</p><p>%2</p>").arg(kDragHint, key);
        if (view_->toolTip() != tip)
            view_->setToolTip(tip);
        if (!keyFits)
            key.clear();
    }
    // On screen the box keeps from the start the height of its fullest text (every exponent, the longer route's
    // name): growing a line at a time as the streamed fits arrived laid the whole dashboard out again, a frame of
    // 15–20 ms each.
    if (!style_.page) {
        // As many as will be fitted once every unit drawn has points (the drawn units arrive with the stream).
        // And the fullest key: the excess error and the summary of many units are drawn a few points into the
        // stream, and a reserve without their words grew the box a line, and laid out the dashboard, when they came.
        const QStringList widest(std::min(kFittedUnits, std::max(units_, shownUnits_)), QStringLiteral("−0.000"));
        const bool excessComing = excessDrawn || (projections_ && units_ == 1);
        // The legend comes and goes with the units drawn, so the summary's words are reserved whatever it does.
        const QString fullestKey = key.isEmpty() ? key : keyText(excessComing, units_ > aedyn::kChartUnits);
        exponents_->setReserve(screenText(QStringLiteral("SGD mean"), widest, widest,
                                          excessComing ? excessText(QStringLiteral("−0.000")) : QString(), fullestKey));
    }
    if (encoder.isEmpty()) {
        exponents_->setSteadyText(QStringLiteral("No %1 points in the fit window %2.<br>%3%4").arg(route, window, longTimeLine, key));
        return;
    }
    if (style_.page) {
        // A printed figure has two or three lines to spare, not five: one paragraph, each quantity named once, with
        // its exponents and its line style together (a word joiner keeps |w·e₁| on one line).
        const QString some = shownUnits_ > fitted ? QStringLiteral(", units 1–%1").arg(fitted) : QString();
        const QString excessPart =
            !excessDrawn ? QString()
            : excessExponent.isEmpty()
                ? QStringLiteral("; ε − ε<sub>PCA</sub>(1) grey dash-dotted")
                : QStringLiteral("; %1 for ε − ε<sub>PCA</sub>(1) (grey dash-dotted)").arg(excessExponent);
        const QString full =
            QStringLiteral("Fitted t<sup>α</sup> (%1, %2%3): α = %4 for %5 (solid); %6 for %7 (dashed)%8; lines ODE%9, "
                           "markers SGD.%10")
                .arg(route, window, some, encoder.join(sep),
                     projections_ ? QStringLiteral("a = |\u2060w·e₁|") : a, decoder.join(sep),
                     projections_ ? QStringLiteral("c = |\u2060v·e₁|/√D") : c,
                     excessPart)
                .arg(longTime ? QStringLiteral(" (thin: reduced ODE)") : QString(),
                     longTime ? QStringLiteral("<br>") + longTimeText_ : QString());
        // Words may take a third of the page: more, and the chart is squeezed to its least height (figure 3 at a
        // single column: seven lines of 230 px left a plot 30 px high and an elided time title). Then the key once,
        // the numbers in its order, and a single unit's legend goes, as the key names every line style. Decided on
        // the page's height alone, so that the legend's going cannot undo the decision.
        const bool compact = textHeight(full) > height() / 3;
        if (units_ == 1 && chart_->legend()->isVisible() == compact)
            chart_->legend()->setVisible(!compact);
        if (!compact) {
            exponents_->setSteadyText(full);
            return;
        }
        QString numbers = QStringLiteral("%1 (%2), %3 (%4)").arg(encoder.join(sep), a, decoder.join(sep), c);
        if (!excessExponent.isEmpty())
            numbers += QStringLiteral(", %1 (ε − ε<sub>PCA</sub>(1))").arg(excessExponent);
        if (longTimeExponents_.size() == 3)
            numbers += QStringLiteral("; reduced ODE on 10<sup>6</sup> ≤ t ≤ 10<sup>8</sup>: <b>%1, %2, %3</b> "
                                      "(asymptotes −1/6, +1/6, −2/3)")
                           .arg(longTimeExponents_[0], longTimeExponents_[1], longTimeExponents_[2]);
        exponents_->setSteadyText(
            QStringLiteral("%1 Fitted t<sup>α</sup> on %2%3: α = %4.").arg(key, window, some, numbers));
        return;
    }
    exponents_->setSteadyText(screenText(route, encoder, decoder, excessFit, key));
}

QString WeightNormChart::exponentBoxText() const { return exponents_->text(); }

QList<QPointF> WeightNormChart::drawnPoints(int k, bool encoder, bool theory) const
{
    if (k < 0 || k >= encoderTheory_.size())
        return {};
    const QXYSeries* s = theory ? static_cast<QXYSeries*>(encoder ? encoderTheory_[k] : decoderTheory_[k])
                                : static_cast<QXYSeries*>(encoder ? encoderSim_[k] : decoderSim_[k]);
    return s->points();
}
