#include "ChartData.h"

#include "OverlapMap.h"

#include <QSaveFile>

#include <cmath>
#include <sstream>

namespace {

// Full precision, shortest form; empty for a value that does not exist.
QByteArray number(double x) { return std::isfinite(x) ? QByteArray::number(x, 'g', 17) : QByteArray(); }

} // namespace

std::vector<aedyn::Series> chartSeries(const aedyn::RunResults& store, FigureChart chart,
                                       const QList<PinnedCurve>& pins, bool individualRuns)
{
    std::vector<aedyn::Series> series;
    auto take = [&](std::vector<aedyn::Series> more) {
        series.insert(series.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    };
    const bool all = chart == FigureChart::Dashboard;
    if (all || chart == FigureChart::Learning) {
        take(aedyn::learningSeries(store, individualRuns));
        for (const PinnedCurve& pin : pins)
            for (const auto& [route, points] : {std::pair{"kept-ode", &pin.theory}, {"kept-sgd", &pin.simulation}}) {
                aedyn::Series s{"eps", route, pin.label.toStdString(), -1, {}, {}, {}};
                for (const QPointF& q : *points) {
                    s.t.push_back(q.x());
                    s.y.push_back(q.y());
                }
                series.push_back(std::move(s));
            }
    }
    if (all || chart == FigureChart::Norms)
        take(aedyn::normSeries(store));
    if (all || chart == FigureChart::Weights)
        take(aedyn::overlapSeries(store, kOverlapUnits, kOverlapModes));
    if (chart == FigureChart::Eigenbasis)
        take(aedyn::eigenbasisSeries(store, aedyn::kChartUnits, kOverlapModes));
    if (chart == FigureChart::Biases)
        take(aedyn::biasSeries(store));
    return series;
}

QByteArray tidyCsv(const aedyn::RunResults& store, FigureChart chart, const QList<PinnedCurve>& pins,
                   bool individualRuns)
{
    const aedyn::RunSetup& setup = store.setup();
    QByteArray out;
    if (chart == FigureChart::Spectrum) {
        out += "mode,rho_over_D\n";
        for (std::size_t i = 0; i < setup.trackedRho.size(); ++i)
            out += QByteArray::number(qulonglong(i + 1)) + ',' + number(setup.trackedRho[i]) + '\n';
        if (setup.bulkCount > 0)
            out += "bulk x" + QByteArray::number(qlonglong(setup.bulkCount)) + ',' + number(setup.bulkRho) + '\n';
        return out;
    }
    std::ostringstream csv;
    aedyn::writeTidyCsv(chartSeries(store, chart, pins, individualRuns), csv);
    return QByteArray::fromStdString(csv.str());
}

QString exportCsv(const QByteArray& csv, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}
