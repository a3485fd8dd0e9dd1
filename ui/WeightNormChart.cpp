#include "WeightNormChart.h"

#include "ChartStyle.h"
#include "Decimation.h"
#include "ReducedOde.h"

#include <QChart>
#include <QChartView>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr int kFittedUnits = 6;  // exponents printed; more would not fit on the chart

// The encoder and decoder scale of unit k at one time: full norms, or the spike projections for one unit.
std::pair<double, double> scales(const aedyn::Observables& o, int k, bool projections)
{
    if (projections)
        return {std::abs(o.encoderProjection(k, 0)), std::abs(o.decoderProjection(k, 0))};
    return {o.encoderNorm(k), o.decoderNorm(k)};
}

// Three significant digits and a real minus sign (design.md).
QString exponentText(double x) { return QString::number(x, 'g', 3).replace(QLatin1Char('-'), QStringLiteral("−")); }

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
    , tAxis_(makeLogAxis(chart_, QStringLiteral("time t   (lines: ODE, hollow markers: SGD mean)")))
    , yAxis_(makeLogAxis(chart_, QString()))
    , fitFrom_(new QDoubleSpinBox)
    , fitTo_(new QDoubleSpinBox)
    , windowEdges_(new QLineSeries)
{
    view_->setRenderHint(QPainter::Antialiasing);
    chart_->legend()->setAlignment(Qt::AlignTop);
    chart_->addAxis(tAxis_, Qt::AlignBottom);
    chart_->addAxis(yAxis_, Qt::AlignLeft);

    windowEdges_->setPen(QPen(referenceGrey(), penWidth(1.0), Qt::DashDotLine));
    addToChart(chart_, windowEdges_, tAxis_, yAxis_, false);
    view_->viewport()->installEventFilter(this);
    view_->setToolTip(QStringLiteral("Drag across the plot to choose the time window of the power-law fit"));
    for (QDoubleSpinBox* box : {fitFrom_, fitTo_}) {
        box->setRange(1e-3, 1e8);
        box->setDecimals(2);
        box->setMaximumWidth(110);
        box->setToolTip(QStringLiteral("Time window of the power-law fit (applies live; or drag across the plot)"));
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { updateFit(); });
    }
    auto* controls = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{new QLabel(QStringLiteral("Fit window: t from")), fitFrom_,
                                                      new QLabel(QStringLiteral("to")), fitTo_}) {
        markControl(w);
        controls->addWidget(w);
    }
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_, 1);
    layout->addLayout(controls);
}

void WeightNormChart::ensureSeries(int K)
{
    while (encoderTheory_.size() > K) {
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{
                 encoderTheory_.takeLast(), decoderTheory_.takeLast(), biasTheory_.takeLast(), encoderSim_.takeLast(),
                 decoderSim_.takeLast()}) {
            chart_->removeSeries(s);
            delete s;
        }
    }
    while (encoderTheory_.size() < K) {
        const int k = static_cast<int>(encoderTheory_.size());
        auto* wTheory = new QLineSeries;
        auto* vTheory = new QLineSeries;
        auto* bTheory = new QLineSeries;
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
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{vTheory, bTheory, wSim, vSim})
            addToChart(chart_, s, tAxis_, yAxis_, false);
        encoderTheory_.append(wTheory);
        decoderTheory_.append(vTheory);
        biasTheory_.append(bTheory);
        encoderSim_.append(wSim);
        decoderSim_.append(vSim);
    }
}

void WeightNormChart::refresh(const CurveStore& store)
{
    store_ = &store;
    const ExperimentSetup& setup = store.setup();
    const int K = setup.K;
    projections_ = K == 1;
    ensureSeries(K);
    // The untied comparison theory of a tied network says nothing about the tied weights.
    const bool theory = !setup.theoryIsUntiedComparison;
    const aedyn::Observables* last = theory ? store.latestTheory() : nullptr;
    const bool biases = last && (last->op.beta.array() != 0.0).any();
    yAxis_->setTitleText((projections_ ? QStringLiteral("a = |w·e₁| (solid), c = |v·e₁|/√D (dashed)")
                                       : QStringLiteral("‖w_k‖ (solid), ‖v_k‖/√D (dashed)")) +
                         (biases ? QStringLiteral(", β_k (dotted)") : QString()));
    const int width = static_cast<int>(chart_->plotArea().width());
    double lo = 1e300, hi = 0;
    auto add = [&](QList<QPointF>& list, double t, double y) {
        if (t > 0 && y > 0 && std::isfinite(t) && std::isfinite(y)) {
            list.append({t, y});
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
    };
    for (int k = 0; k < K; ++k) {
        QList<QPointF> w, v, b, ws, vs;
        for (std::size_t i = 0; theory && i < store.theory().size(); ++i)
            if (const auto& o = store.theory()[i]) {
                const auto [a, c] = scales(*o, k, projections_);
                add(w, setup.times[i], a);
                add(v, setup.times[i], c);
                // From 0.01 up: the axis is logarithmic, and the early tiny biases would squeeze the norms.
                if (o->op.beta.size() > k && o->op.beta(k) >= 0.01)
                    add(b, setup.times[i], o->op.beta(k));
            }
        for (std::size_t i = 0; i < store.simulation().size(); ++i)
            if (const auto& p = store.simulation()[i]) {
                const auto [a, c] = scales(p->mean, k, projections_);
                add(ws, store.simulationTimes()[i], a);
                add(vs, store.simulationTimes()[i], c);
            }
        // Curves of parameters that have since changed stay drawn, in grey, until the new ones arrive.
        const QColor theoryColour = store.theoryStale ? referenceGrey() : unitColour(k);
        const QColor simColour = store.simulationStale ? referenceGrey() : unitColour(k);
        encoderTheory_[k]->setPen(QPen(theoryColour, penWidth(2.0)));
        decoderTheory_[k]->setPen(QPen(theoryColour, penWidth(2.0), Qt::DashLine));
        biasTheory_[k]->setPen(QPen(theoryColour, penWidth(1.5), Qt::DotLine));
        encoderSim_[k]->setPen(QPen(simColour, penWidth(1.2)));
        decoderSim_[k]->setPen(QPen(simColour, penWidth(1.2)));
        encoderTheory_[k]->replace(decimateLogX(w, width));
        decoderTheory_[k]->replace(decimateLogX(v, width));
        biasTheory_[k]->replace(decimateLogX(b, width));
        encoderSim_[k]->replace(decimateLogX(ws, width));
        decoderSim_[k]->replace(decimateLogX(vs, width));
    }
    if (setup.times.size() > 1) {
        const double tMax = setup.times.back();
        tAxis_->setRange(setup.times[1], tMax);
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
    if (watched == view_->viewport()) {
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
    // Down one edge, along the bottom, up the other: one series draws both edges.
    windowEdges_->replace({{a, hi}, {a, lo}, {b, lo}, {b, hi}});
}

void WeightNormChart::updateFit()
{
    drawWindow();
    const QString name = projections_ ? QStringLiteral("Spike projections") : QStringLiteral("Weight norms");
    if (!store_ || store_->setup().K == 0) {
        chart_->setTitle(QStringLiteral("<b>%1</b>").arg(name));
        fitText_.clear();
        return;
    }
    // Fit the theory where there is one, else the simulation mean.
    const ExperimentSetup& setup = store_->setup();
    const bool theory = !setup.theoryIsUntiedComparison && store_->latestTheory() != nullptr;
    QStringList encoder, decoder, plain;
    for (int k = 0; k < std::min(setup.K, kFittedUnits); ++k) {
        std::vector<double> t, w, v;
        const std::size_t n = theory ? store_->theory().size() : store_->simulation().size();
        for (std::size_t i = 0; i < n; ++i) {
            const aedyn::Observables* o = nullptr;
            if (theory && store_->theory()[i])
                o = &*store_->theory()[i];
            else if (!theory && store_->simulation()[i])
                o = &store_->simulation()[i]->mean;
            if (!o)
                continue;
            const auto [a, c] = scales(*o, k, projections_);
            t.push_back(theory ? setup.times[i] : store_->simulationTimes()[i]);
            w.push_back(a);
            v.push_back(c);
        }
        const auto fw = aedyn::fitPowerLaw(t, w, fitFrom_->value(), fitTo_->value());
        const auto fv = aedyn::fitPowerLaw(t, v, fitFrom_->value(), fitTo_->value());
        if (fw.points < 2 || fv.points < 2)
            continue;
        const QString colour = unitColour(k).name();
        encoder << QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, exponentText(fw.exponent));
        decoder << QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, exponentText(fv.exponent));
        plain << QStringLiteral("unit %1: %2 ∝ t^%3, %4 ∝ t^%5")
                     .arg(k + 1)
                     .arg(projections_ ? QStringLiteral("a") : QStringLiteral("‖w‖"), exponentText(fw.exponent),
                          projections_ ? QStringLiteral("c") : QStringLiteral("‖v‖/√D"), exponentText(fv.exponent));
    }
    fitText_ = plain.join(QStringLiteral("; "));
    const QString window = QStringLiteral("%1 ≤ t ≤ %2").arg(fitFrom_->value(), 0, 'g', 3).arg(fitTo_->value(), 0, 'g', 3);
    if (plain.isEmpty()) {
        chart_->setTitle(QStringLiteral("<b>%1</b><br>no %2 points in the fit window %3")
                             .arg(name, theory ? QStringLiteral("ODE") : QStringLiteral("SGD"), window));
        return;
    }
    const QString more = setup.K > kFittedUnits ? QStringLiteral(", …") : QString();
    const QString sep = QStringLiteral(", ");
    chart_->setTitle(QStringLiteral("<b>%1</b> — power-law fit of the %2 on %3<br>%4 ∝ t<sup>α</sup>: α = %5%6"
                                    "<br>%7 ∝ t<sup>α</sup>: α = %8%6")
                         .arg(name, theory ? QStringLiteral("ODE") : QStringLiteral("SGD mean"), window,
                              projections_ ? QStringLiteral("a") : QStringLiteral("‖w_k‖"), encoder.join(sep), more,
                              projections_ ? QStringLiteral("c") : QStringLiteral("‖v_k‖/√D"), decoder.join(sep)));
}
