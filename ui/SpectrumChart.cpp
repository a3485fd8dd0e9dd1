#include "SpectrumChart.h"

#include "ChartStyle.h"

#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>

SpectrumChart::SpectrumChart(QWidget* parent)
    : QChartView(parent)
    , tauAxis_(makeLogAxis(QStringLiteral("eigen-mode τ")))
    , rhoAxis_(makeLogAxis(QStringLiteral("ρ_τ / D")))
    , spikes_(new QScatterSeries)
    , bulk_(new QLineSeries)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->setTitle(QStringLiteral("Spectrum of the input covariance Ω"));
    chart()->legend()->setAlignment(Qt::AlignTop);
    chart()->addAxis(tauAxis_, Qt::AlignBottom);
    chart()->addAxis(rhoAxis_, Qt::AlignLeft);
    spikes_->setName(QStringLiteral("tracked eigenvalues"));
    spikes_->setColor(unitColour(0));
    spikes_->setBorderColor(unitColour(0));
    spikes_->setMarkerSize(9);
    bulk_->setPen(QPen(referenceGrey(), 3.0));
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{bulk_, spikes_}) {
        chart()->addSeries(s);
        s->attachAxis(tauAxis_);
        s->attachAxis(rhoAxis_);
    }
}

void SpectrumChart::refresh(const CurveStore& store)
{
    const ExperimentSetup& s = store.setup();
    QList<QPointF> points;
    double lo = 1e300, hi = 0;
    for (std::size_t i = 0; i < s.trackedRho.size(); ++i)
        if (s.trackedRho[i] > 0) {
            points.append({double(i + 1), s.trackedRho[i]});
            lo = std::min(lo, s.trackedRho[i]);
            hi = std::max(hi, s.trackedRho[i]);
        }
    spikes_->replace(points);
    const double first = s.trackedRho.size() + 1.0, last = s.trackedRho.size() + double(s.bulkCount);
    if (s.bulkCount > 0 && s.bulkRho > 0) {
        bulk_->replace({{first, s.bulkRho}, {std::max(first * 1.0001, last), s.bulkRho}});
        bulk_->setName(QStringLiteral("bulk ×%1").arg(s.bulkCount));
        lo = std::min(lo, s.bulkRho);
        hi = std::max(hi, s.bulkRho);
    } else {
        bulk_->replace({});
        bulk_->setName(s.bulkCount > 0 ? QStringLiteral("bulk ×%1 at 0").arg(s.bulkCount) : QStringLiteral("no bulk"));
    }
    if (hi > 0) {
        rhoAxis_->setRange(lo / 3, hi * 3);
        tauAxis_->setRange(0.8, std::max(2.0, std::max(last, double(s.trackedRho.size())) * 1.25));
    }
}
