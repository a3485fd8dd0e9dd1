#include "SpectrumChart.h"

#include "ChartStyle.h"
#include "Decimation.h"
#include "PageFit.h"

#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>

SpectrumChart::SpectrumChart(QWidget* parent)
    : QChartView(parent)
    , tauAxis_(makeLogAxis(chart(), QStringLiteral("eigen-mode τ")))
    , rhoAxis_(makeLogAxis(chart(), QStringLiteral("ρ_τ / D")))
    , spikes_(new QScatterSeries)
    , bulk_(new QLineSeries)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignTop);
    setShortTitle(tauAxis_, {QStringLiteral("τ")});
    setShortTitle(chart(), {QStringLiteral("<b>Spectrum of Ω</b>"), QStringLiteral("<b>Spectrum</b>")});
    chart()->addAxis(tauAxis_, Qt::AlignBottom);
    chart()->addAxis(rhoAxis_, Qt::AlignLeft);
    // Markers in the type's colour over the grey of the bulk; unit colours stay reserved for hidden units.
    spikes_->setName(QStringLiteral("tracked modes"));
    spikes_->setMarkerSize(9);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{bulk_, spikes_}) {
        chart()->addSeries(s);
        s->attachAxis(tauAxis_);
        s->attachAxis(rhoAxis_);
    }
    setToolTip(QStringLiteral("Eigenvalues ρ_τ of the input covariance over D: black markers, the tracked modes "
                              "(spikes); grey dashed, the degenerate bulk with its multiplicity."));
    connect(chart(), &QChart::plotAreaChanged, this, &SpectrumChart::fitWords);
}

void SpectrumChart::fitWords()
{
    if (style_.page)
        return;  // a page's words are fitted by PageFit
    const QRectF plot = chart()->plotArea();
    const QMargins m = chart()->margins();
    const QString title =
        longestFitting(chart()->titleFont(), chart()->size().width() - m.left() - m.right() - 8,
                       {title_, QStringLiteral("<b>Spectrum of Ω</b>"), QStringLiteral("<b>Spectrum</b>")});
    if (chart()->title() != title)
        chart()->setTitle(title);
    const QString tau =
        longestFitting(tauAxis_->titleFont(), plot.width(), {QStringLiteral("eigen-mode τ"), QStringLiteral("τ")});
    if (tauAxis_->titleText() != tau)
        tauAxis_->setTitleText(tau);
    const QString rho =
        longestFitting(rhoAxis_->titleFont(), plot.height(), {QStringLiteral("ρ_τ / D"), QStringLiteral("ρ/D")});
    if (rhoAxis_->titleText() != rho)
        rhoAxis_->setTitleText(rho);
    // Two legend entries take a line that a panel shorter than this needs for its plot, and are elided in a
    // narrower one; the tooltip says the same.
    QStringList entries;
    for (const QXYSeries* s : std::initializer_list<const QXYSeries*>{spikes_, bulk_})
        if (s->count() > 0)  // a series without points has no entry (the bulk at σ = 0)
            entries << s->name();
    const bool legend = chart()->size().height() >= 230 &&
                        legendRowWidth(chart()->legend()->font(), entries) <= chart()->size().width() - m.left() - m.right() - 16;
    if (chart()->legend()->isVisible() != legend)
        chart()->legend()->setVisible(legend);
}

void SpectrumChart::setChartStyle(const ChartStyle& style)
{
    DashboardChart::setChartStyle(style);
    drawnWidth_ = -1;  // drawn again, in the new style
}

bool SpectrumChart::shows(const aedyn::RunResults& store) const
{
    const aedyn::RunSetup& s = store.setup();
    return s.trackedRho == drawnRho_ && s.bulkRho == drawnBulkRho_ && s.bulkCount == drawnBulkCount_ &&
           static_cast<int>(chart()->plotArea().width()) == drawnWidth_;
}

void SpectrumChart::refresh(const aedyn::RunResults& store)
{
    // Every other repaint (a new SGD point) leaves this chart alone, as any call below would make Qt Charts lay it
    // out and paint it again.
    if (shows(store))
        return;
    const aedyn::RunSetup& s = store.setup();
    drawnRho_ = s.trackedRho;
    drawnBulkRho_ = s.bulkRho;
    drawnBulkCount_ = s.bulkCount;
    drawnWidth_ = static_cast<int>(chart()->plotArea().width());
    bulk_->setPen(QPen(style_.reference(), style_.pen(3.0), Qt::DashLine));
    spikes_->setColor(style_.ink());
    spikes_->setBorderColor(style_.ink());
    QList<QPointF> points;
    double lo = 1e300, hi = 0;
    for (std::size_t i = 0; i < s.trackedRho.size(); ++i)
        if (s.trackedRho[i] > 0) {
            points.append({double(i + 1), s.trackedRho[i]});
            lo = std::min(lo, s.trackedRho[i]);
            hi = std::max(hi, s.trackedRho[i]);
        }
    const double first = s.trackedRho.size() + 1.0, last = s.trackedRho.size() + double(s.bulkCount);
    const bool bulk = s.bulkCount > 0 && s.bulkRho > 0;
    if (bulk) {
        lo = std::min(lo, s.bulkRho);
        hi = std::max(hi, s.bulkRho);
    }
    // The axes first: a series replaced under the old ones had every marker placed twice.
    if (hi > 0) {
        setLogRange(rhoAxis_, lo, hi);
        tauAxis_->setRange(0.8, std::max(2.0, std::max(last, double(s.trackedRho.size())) * 1.25));
    }
    spikes_->replace(thinMarkersLogLog(points, {tauAxis_->min(), tauAxis_->max()}, {rhoAxis_->min(), rhoAxis_->max()},
                                       chart()->plotArea().size(), spikes_->markerSize()));
    if (bulk) {
        bulk_->replace({{first, s.bulkRho}, {std::max(first * 1.0001, last), s.bulkRho}});
        bulk_->setName(QStringLiteral("bulk ×%1").arg(s.bulkCount));
    } else {
        bulk_->replace({});
    }
    chart()->legend()->markers(bulk_).first()->setVisible(bulk);
    // A zero bulk (σ = 0) has no place on a log axis; say so instead.
    title_ = QStringLiteral("<b>Spectrum of the input covariance Ω</b>") +
             (s.bulkCount > 0 && !bulk ? QStringLiteral("<br>and %1 eigenvalues 0").arg(s.bulkCount) : QString());
    chart()->setTitle(title_);
    fitWords();
}
