#include "BiasChart.h"

#include "ChangedOnly.h"
#include "ChartSeries.h"
#include "ChartStyle.h"
#include "Decimation.h"
#include "PageFit.h"

#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

BiasChart::BiasChart(QWidget* parent)
    : QWidget(parent)
{
    auto* view = new QChartView;
    view->setRenderHint(QPainter::Antialiasing);
    chart_ = view->chart();
    tAxis_ = makeLogAxis(chart_, QStringLiteral("time t"));
    setShortTitle(tAxis_, {QStringLiteral("t")});
    yAxis_ = new QValueAxis;
    yAxis_->setTitleText(QStringLiteral("β_k"));
    yAxis_->setLabelFormat(QStringLiteral("%g"));
    chart_->addAxis(tAxis_, Qt::AlignBottom);
    chart_->addAxis(yAxis_, Qt::AlignLeft);
    chart_->legend()->setAlignment(Qt::AlignTop);
    setToolTip(QStringLiteral("The trained bias β_k of each unit: lines ODE, hollow markers SGD mean."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
}

void BiasChart::ensureSeries(int units)
{
    while (theory_.size() > units) {
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{theory_.takeLast(), simulation_.takeLast()}) {
            chart_->removeSeries(s);
            delete s;
        }
    }
    while (theory_.size() < units) {
        auto* line = new QLineSeries;
        line->setName(QStringLiteral("unit %1").arg(theory_.size() + 1));
        auto* markers = new QScatterSeries;
        markers->setMarkerSize(6);
        markers->setColor(Qt::transparent);  // hollow: the theory line shows through
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{line, markers}) {
            chart_->addSeries(s);
            s->attachAxis(tAxis_);
            s->attachAxis(yAxis_);
        }
        chart_->legend()->markers(markers).first()->setVisible(false);
        theory_.append(line);
        simulation_.append(markers);
    }
}

void BiasChart::applyStyle(bool theoryStale, bool simulationStale)
{
    // On screen the units are named by the weight-norm chart's legend, in the same colours; a page names them.
    if (chart_->legend()->isVisible() != style_.page)
        chart_->legend()->setVisible(style_.page);
    for (qsizetype k = 0; k < theory_.size(); ++k) {
        const QPen line(theoryStale ? style_.reference() : style_.unit(int(k)), style_.pen(2.0));
        const QPen marker(simulationStale ? style_.reference() : style_.unit(int(k)), style_.pen(1.2));
        // Only when they change: each change lays the legend out again.
        if (theory_[k]->pen() != line)
            theory_[k]->setPen(line);
        if (simulation_[k]->pen() != marker)
            simulation_[k]->setPen(marker);
    }
}

void BiasChart::refresh(const aedyn::RunResults& store)
{
    const std::vector<aedyn::Series> series = aedyn::biasSeries(store);
    int units = 0;
    for (const aedyn::Series& s : series)
        units = std::max(units, s.unit + 1);
    ensureSeries(units);
    applyStyle(store.theoryStale, store.simulationStale);
    std::vector<std::array<QList<QPointF>, 2>> points(units);  // ODE, SGD
    double lo = 0, hi = 0;  // zero in range: a bias reads against it
    for (const aedyn::Series& s : series)
        for (std::size_t i = 0; i < s.t.size(); ++i) {
            points[s.unit][s.route == "ode" ? 0 : 1].append({s.t[i], s.y[i]});
            lo = std::min(lo, s.y[i]);
            hi = std::max(hi, s.y[i]);
        }
    const int width = std::max(1, static_cast<int>(chart_->plotArea().width()));
    for (int k = 0; k < units; ++k) {
        replaceIfChanged(theory_[k], decimateLogX(points[k][0], width));
        // Markers about one and a half widths apart, as on the other charts.
        const int columns = std::max(1, static_cast<int>(width / (3 * simulation_[k]->markerSize())));
        replaceIfChanged(simulation_[k], decimateLogX(points[k][1], columns));
    }
    const QString some = store.setup().K > units && units > 0
                             ? QStringLiteral(", units 1–%1 of %2").arg(units).arg(store.setup().K)
                             : QString();
    // A page says what lines and markers are (on screen the tooltip does, and the title stays short).
    const QString key = style_.page ? QStringLiteral(" (lines ODE, markers SGD mean)") : QString();
    if (const QString title = QStringLiteral("<b>Biases</b>%1%2").arg(some, key); chart_->title() != title) {
        chart_->setTitle(title);
        setShortTitle(chart_, {QStringLiteral("<b>Biases</b>")});
    }
    const auto& times = store.setup().times.size() > 1 ? store.setup().times : store.simulationTimes();
    if (times.size() > 1 && (tAxis_->min() != times[1] || tAxis_->max() != times.back()))
        tAxis_->setRange(times[1], times.back());
    // A new range only when the biases leave it or fill less than half of it (each one lays the chart out again).
    // Ticks at multiples of a round step from 0, not at the ends: the lowest label then stays clear of the corner
    // where the time axis' first label is.
    const double span = std::max(hi - lo, 1e-3), pad = 0.08 * span;
    if (yAxis_->min() > lo || yAxis_->max() < hi || yAxis_->max() - yAxis_->min() > 2 * (span + 2 * pad)) {
        yAxis_->setRange(lo - pad, hi + pad);
        const double decade = std::pow(10.0, std::floor(std::log10(span / 4)));
        const double step = span / 4 / decade > 5 ? 10 * decade : span / 4 / decade > 2 ? 5 * decade
                            : span / 4 / decade > 1 ? 2 * decade : decade;
        yAxis_->setTickType(QValueAxis::TicksDynamic);
        yAxis_->setTickAnchor(0);
        yAxis_->setTickInterval(step);
    }
}

QList<QPointF> BiasChart::drawnPoints(int k, bool theory) const
{
    if (k < 0 || k >= theory_.size())
        return {};
    return theory ? theory_[k]->points() : simulation_[k]->points();
}
