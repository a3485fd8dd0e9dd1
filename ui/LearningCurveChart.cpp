#include "LearningCurveChart.h"

#include "ChartStyle.h"

#include <QAreaSeries>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

// Log axes accept only finite, positive values.
bool drawable(double t, double y) { return t > 0 && std::isfinite(t) && y > 0 && std::isfinite(y); }

} // namespace

LearningCurveChart::LearningCurveChart(QWidget* parent)
    : QChartView(parent)
    , tAxis_(makeLogAxis(QStringLiteral("time t = steps / D")))
    , epsLogAxis_(makeLogAxis(QStringLiteral("test error ε")))
    , epsLinearAxis_(new QValueAxis)
    , ode_(new QLineSeries)
    , sgd_(new QScatterSeries)
    , bandUpper_(new QLineSeries)
    , bandLower_(new QLineSeries)
    , band_(new QAreaSeries(bandUpper_, bandLower_))
{
    setRenderHint(QPainter::Antialiasing);
    QChart* c = chart();
    c->setTitle(QStringLiteral("Learning curve"));
    c->legend()->setAlignment(Qt::AlignTop);
    epsLinearAxis_->setTitleText(QStringLiteral("test error ε"));
    c->addAxis(tAxis_, Qt::AlignBottom);
    c->addAxis(epsLogAxis_, Qt::AlignLeft);

    band_->setName(QStringLiteral("SGD ± 1 s.e.m."));
    QColor bandColour = unitColour(1);
    bandColour.setAlphaF(0.2);
    band_->setBrush(bandColour);
    band_->setPen(Qt::NoPen);
    ode_->setName(QStringLiteral("ODE theory"));
    ode_->setPen(QPen(QColor(0x20, 0x20, 0x20), 2.0));
    sgd_->setName(QStringLiteral("SGD, mean of runs"));
    sgd_->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    sgd_->setMarkerSize(6);
    sgd_->setColor(unitColour(1));
    sgd_->setBorderColor(unitColour(1));
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{band_, ode_, sgd_}) {
        c->addSeries(s);
        s->attachAxis(tAxis_);
        s->attachAxis(epsLogAxis_);
    }
    connect(c, &QChart::plotAreaChanged, this, [this] { placeLevelLabels(); });
}

void LearningCurveChart::setLogError(bool log)
{
    if (log == logError_)
        return;
    logError_ = log;
    QChart* c = chart();
    QAbstractAxis* from = log ? static_cast<QAbstractAxis*>(epsLinearAxis_) : epsLogAxis_;
    QAbstractAxis* to = log ? static_cast<QAbstractAxis*>(epsLogAxis_) : epsLinearAxis_;
    c->removeAxis(from);
    c->addAxis(to, Qt::AlignLeft);
    for (QAbstractSeries* s : c->series())
        s->attachAxis(to);
}

void LearningCurveChart::refresh(const CurveStore& store)
{
    const ExperimentSetup& setup = store.setup();
    QChart* c = chart();
    QAbstractAxis* yAxis = logError_ ? static_cast<QAbstractAxis*>(epsLogAxis_) : epsLinearAxis_;

    // PCA levels of rank 0..K: dashed grey lines across the whole time range, labelled at the right edge.
    while (levels_.size() < static_cast<qsizetype>(setup.pcaErrors.size())) {
        auto* s = new QLineSeries;
        QPen pen(referenceGrey(), 1.0, Qt::DashLine);
        s->setPen(pen);
        c->addSeries(s);
        s->attachAxis(tAxis_);
        s->attachAxis(yAxis);
        c->legend()->markers(s).first()->setVisible(false);
        levels_.append(s);
        auto* label = new QGraphicsSimpleTextItem(c);
        label->setBrush(referenceGrey().darker(130));
        levelLabels_.append(label);
    }
    while (levels_.size() > static_cast<qsizetype>(setup.pcaErrors.size())) {
        c->removeSeries(levels_.last());
        delete levels_.takeLast();
        delete levelLabels_.takeLast();
    }
    const double tLast = setup.times.empty() ? 1.0 : setup.times.back();
    const double tFirst = setup.times.size() > 1 ? setup.times[1] : tLast / 10;
    for (qsizetype m = 0; m < levels_.size(); ++m) {
        const double level = setup.pcaErrors[m];
        levels_[m]->replace(drawable(tFirst, level) ? QList<QPointF>{{tFirst, level}, {tLast, level}} : QList<QPointF>{});
        levelLabels_[m]->setText(QStringLiteral("PCA rank %1").arg(m));
    }

    QList<QPointF> ode, sgd, upper, lower;
    for (std::size_t i = 0; i < store.theory().size(); ++i)
        if (store.theory()[i] && drawable(setup.times[i], store.theory()[i]->eps))
            ode.append({setup.times[i], store.theory()[i]->eps});
    for (std::size_t i = 0; i < store.simulation().size(); ++i) {
        const auto& p = store.simulation()[i];
        const double t = store.simulationTimes()[i];
        if (!p || !drawable(t, p->mean.eps))
            continue;
        sgd.append({t, p->mean.eps});
        upper.append({t, p->mean.eps + p->epsSem});
        lower.append({t, std::max(p->mean.eps - p->epsSem, p->mean.eps * 0.5)});
    }
    // Individual runs: small faded markers, one series per run.
    const std::size_t runCount = showRuns_ && store.latestSimulation() ? store.latestSimulation()->epsRuns.size() : 0;
    while (runs_.size() < static_cast<qsizetype>(runCount)) {
        auto* s = new QScatterSeries;
        QColor faded = unitColour(1);
        faded.setAlphaF(0.35);
        s->setColor(faded);
        s->setBorderColor(faded);
        s->setMarkerSize(3);
        c->addSeries(s);
        s->attachAxis(tAxis_);
        s->attachAxis(yAxis);
        c->legend()->markers(s).first()->setVisible(false);
        runs_.append(s);
    }
    for (qsizetype r = 0; r < runs_.size(); ++r) {
        QList<QPointF> points;
        for (std::size_t i = 0; r < static_cast<qsizetype>(runCount) && i < store.simulation().size(); ++i) {
            const auto& p = store.simulation()[i];
            if (p && r < static_cast<qsizetype>(p->epsRuns.size()) && drawable(store.simulationTimes()[i], p->epsRuns[r]))
                points.append({store.simulationTimes()[i], p->epsRuns[r]});
        }
        runs_[r]->replace(points);
    }
    ode_->replace(ode);
    sgd_->replace(sgd);
    bandUpper_->replace(upper);
    bandLower_->replace(lower);
    const QColor simColour = store.simulationStale ? referenceGrey() : unitColour(1);
    sgd_->setColor(simColour);
    sgd_->setBorderColor(simColour);
    ode_->setName(setup.hasTheory ? QStringLiteral("ODE theory") : QStringLiteral("no ODE for tied weights"));
    updateRanges(store);
    placeLevelLabels();
}

void LearningCurveChart::updateRanges(const CurveStore& store)
{
    const ExperimentSetup& setup = store.setup();
    if (setup.times.size() < 2)
        return;
    tAxis_->setRange(setup.times[1], setup.times.back());
    double lo = 1e300, hi = 0;
    auto include = [&](double y) {
        if (y > 0 && std::isfinite(y)) {
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
    };
    for (double p : setup.pcaErrors)
        include(p);
    for (const auto& o : store.theory())
        if (o)
            include(o->eps);
    for (const auto& p : store.simulation())
        if (p)
            include(p->mean.eps);
    if (hi <= 0)
        return;
    if (logError_)
        epsLogAxis_->setRange(lo / 1.5, hi * 1.5);
    else
        epsLinearAxis_->setRange(0, hi * 1.05);
}

void LearningCurveChart::placeLevelLabels()
{
    const QRectF area = chart()->plotArea();
    QAbstractSeries* any = levels_.isEmpty() ? nullptr : levels_.first();
    for (qsizetype m = 0; m < levels_.size(); ++m) {
        const auto points = levels_[m]->points();
        if (points.isEmpty() || !any) {
            levelLabels_[m]->setVisible(false);
            continue;
        }
        const QPointF p = chart()->mapToPosition(points.last(), levels_[m]);
        const QRectF box = levelLabels_[m]->boundingRect();
        levelLabels_[m]->setVisible(p.y() >= area.top() && p.y() <= area.bottom());
        levelLabels_[m]->setPos(area.right() - box.width() - 4, p.y() - box.height());
    }
}

QList<QPointF> LearningCurveChart::theoryPoints() const { return ode_->points(); }
QList<QPointF> LearningCurveChart::simulationPoints() const { return sgd_->points(); }
