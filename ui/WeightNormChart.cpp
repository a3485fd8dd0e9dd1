#include "WeightNormChart.h"

#include "ReducedOde.h"
#include "ChartStyle.h"

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

// The encoder and decoder scale of unit k at one time: full norms, or the spike projections for one unit.
std::pair<double, double> scales(const aedyn::Observables& o, int k, bool projections)
{
    if (projections)
        return {std::abs(o.encoderProjection(k, 0)), std::abs(o.decoderProjection(k, 0))};
    return {o.encoderNorm(k), o.decoderNorm(k)};
}

} // namespace

WeightNormChart::WeightNormChart(QWidget* parent)
    : QWidget(parent)
    , view_(new QChartView)
    , chart_(view_->chart())
    , tAxis_(makeLogAxis(QStringLiteral("time t")))
    , yAxis_(makeLogAxis(QString()))
    , fitFrom_(new QDoubleSpinBox)
    , fitTo_(new QDoubleSpinBox)
    , fitLabel_(new QLabel)
    , windowEdges_(new QLineSeries)
{
    view_->setRenderHint(QPainter::Antialiasing);
    chart_->setTitle(QStringLiteral("Weight norms"));
    chart_->legend()->setAlignment(Qt::AlignTop);
    chart_->addAxis(tAxis_, Qt::AlignBottom);
    chart_->addAxis(yAxis_, Qt::AlignLeft);

    windowEdges_->setPen(QPen(referenceGrey(), 1.0, Qt::DashDotLine));
    chart_->addSeries(windowEdges_);
    windowEdges_->attachAxis(tAxis_);
    windowEdges_->attachAxis(yAxis_);
    chart_->legend()->markers(windowEdges_).first()->setVisible(false);
    view_->viewport()->installEventFilter(this);
    view_->setToolTip(QStringLiteral("Drag across the plot to choose the time window of the power-law fit"));
    for (QDoubleSpinBox* box : {fitFrom_, fitTo_}) {
        box->setRange(1e-3, 1e8);
        box->setDecimals(1);
        box->setToolTip(QStringLiteral("Time window of the power-law fit (applies live)"));
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { updateFit(); });
    }
    fitFrom_->setValue(100);
    fitTo_->setValue(1000);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(QStringLiteral("Fit t^α from t =")));
    controls->addWidget(fitFrom_);
    controls->addWidget(new QLabel(QStringLiteral("to")));
    controls->addWidget(fitTo_);
    controls->addStretch(1);
    fitLabel_->setWordWrap(true);
    // The label follows the layout's width instead of widening the chart.
    fitLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_, 1);
    layout->addLayout(controls);
    layout->addWidget(fitLabel_);
}

void WeightNormChart::ensureSeries(int K)
{
    while (encoderTheory_.size() > K) {
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{encoderTheory_.takeLast(), decoderTheory_.takeLast(),
                                                                          encoderSim_.takeLast(), decoderSim_.takeLast(),
                                                                          biasTheory_.takeLast()}) {
            chart_->removeSeries(s);
            delete s;
        }
    }
    while (encoderTheory_.size() < K) {
        const int k = static_cast<int>(encoderTheory_.size());
        const QColor colour = unitColour(k);
        auto* wTheory = new QLineSeries;
        auto* vTheory = new QLineSeries;
        wTheory->setPen(QPen(colour, 2.0));
        vTheory->setPen(QPen(colour, 2.0, Qt::DashLine));
        wTheory->setName(QStringLiteral("unit %1").arg(k + 1));
        auto* wSim = new QScatterSeries;
        auto* vSim = new QScatterSeries;
        for (QScatterSeries* s : {wSim, vSim}) {
            s->setMarkerSize(5);
            s->setColor(colour);
            s->setBorderColor(colour);
        }
        vSim->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{wTheory, vTheory, wSim, vSim}) {
            chart_->addSeries(s);
            s->attachAxis(tAxis_);
            s->attachAxis(yAxis_);
        }
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{vTheory, wSim, vSim})
            chart_->legend()->markers(s).first()->setVisible(false);
        auto* bTheory = new QLineSeries;
        bTheory->setPen(QPen(colour, 1.5, Qt::DotLine));
        chart_->addSeries(bTheory);
        bTheory->attachAxis(tAxis_);
        bTheory->attachAxis(yAxis_);
        chart_->legend()->markers(bTheory).first()->setVisible(false);
        biasTheory_.append(bTheory);
        encoderTheory_.append(wTheory);
        decoderTheory_.append(vTheory);
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
    const bool biases = store.latestTheory() && (store.latestTheory()->op.beta.array() != 0.0).any();
    yAxis_->setTitleText((projections_ ? QStringLiteral("a = |w·e₁| (solid), c = |v·e₁|/√D (dashed)")
                                       : QStringLiteral("‖w_k‖ (solid), ‖v_k‖/√D (dashed)")) +
                         (biases ? QStringLiteral(", β_k (dotted)") : QString()));
    double lo = 1e300, hi = 0;
    auto add = [&](QList<QPointF>& list, double t, double y) {
        if (t > 0 && y > 0 && std::isfinite(y)) {
            list.append({t, y});
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
    };
    for (int k = 0; k < K; ++k) {
        QList<QPointF> w, v, ws, vs, b;
        for (std::size_t i = 0; i < store.theory().size(); ++i)
            if (const auto& o = store.theory()[i]) {
                const auto [a, c] = scales(*o, k, projections_);
                add(w, setup.times[i], a);
                add(v, setup.times[i], c);
                // From 0.01 up: the axis is logarithmic, and the early tiny biases would squeeze the norms.
                if (o->op.beta.size() > k && o->op.beta(k) >= 0.01)
                    add(b, setup.times[i], o->op.beta(k));
            }
        biasTheory_[k]->replace(b);
        for (std::size_t i = 0; i < store.simulation().size(); ++i)
            if (const auto& p = store.simulation()[i]) {
                const auto [a, c] = scales(p->mean, k, projections_);
                add(ws, store.simulationTimes()[i], a);
                add(vs, store.simulationTimes()[i], c);
            }
        encoderTheory_[k]->replace(w);
        decoderTheory_[k]->replace(v);
        encoderSim_[k]->replace(ws);
        decoderSim_[k]->replace(vs);
    }
    if (setup.times.size() > 1)
        tAxis_->setRange(setup.times[1], setup.times.back());
    if (hi > 0)
        yAxis_->setRange(lo / 1.5, hi * 1.5);
    updateFit();
}

void WeightNormChart::setFitWindow(double from, double to)
{
    const QSignalBlocker a(fitFrom_), b(fitTo_);
    fitFrom_->setValue(std::min(from, to));
    fitTo_->setValue(std::max(from, to));
    updateFit();
}

bool WeightNormChart::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == view_->viewport() && !chart_->series().isEmpty()) {
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
    if (!store_ || store_->setup().K == 0) {
        fitLabel_->clear();
        return;
    }
    // Fit the theory where there is one, else the simulation mean.
    const bool theory = store_->latestTheory() != nullptr;
    QStringList parts;
    for (int k = 0; k < std::min(store_->setup().K, 4); ++k) {
        std::vector<double> t, w, v;
        for (std::size_t i = 0; i < store_->setup().times.size(); ++i) {
            const aedyn::Observables* o = nullptr;
            if (theory && i < store_->theory().size() && store_->theory()[i])
                o = &*store_->theory()[i];
            else if (!theory && i < store_->simulation().size() && store_->simulation()[i])
                o = &store_->simulation()[i]->mean;
            if (!o)
                continue;
            const auto [a, c] = scales(*o, k, projections_);
            t.push_back(store_->setup().times[i]);
            w.push_back(a);
            v.push_back(c);
        }
        const auto fw = aedyn::fitPowerLaw(t, w, fitFrom_->value(), fitTo_->value());
        const auto fv = aedyn::fitPowerLaw(t, v, fitFrom_->value(), fitTo_->value());
        if (fw.points >= 2)
            parts << QStringLiteral("unit %1: %2 %3, %4 %5")
                         .arg(k + 1)
                         .arg(projections_ ? "a ∝ t^" : "‖w‖ ∝ t^")
                         .arg(fw.exponent, 0, 'f', 3)
                         .arg(projections_ ? "c ∝ t^" : "‖v‖ ∝ t^")
                         .arg(fv.exponent, 0, 'f', 3);
    }
    fitLabel_->setText(parts.isEmpty() ? QStringLiteral("(no points in the window)") : parts.join(QStringLiteral("; ")));
    // The first unit's exponents are printed on the chart itself; all units are listed below it.
    chart_->setTitle(parts.isEmpty() ? QStringLiteral("Weight norms")
                                     : QStringLiteral("Weight norms — fit: ") + parts.first());
    drawWindow();
}

QString WeightNormChart::fitText() const { return fitLabel_->text(); }
