#include "ChartData.h"

#include <QSaveFile>

#include <cmath>

namespace {

// Full precision, shortest form; empty for a value that does not exist.
QByteArray number(double x) { return std::isfinite(x) ? QByteArray::number(x, 'g', 17) : QByteArray(); }

QByteArray quoted(const QString& s)
{
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return (QLatin1Char('"') + q + QLatin1Char('"')).toUtf8();
}

} // namespace

QByteArray tidyCsv(const CurveStore& store, FigureChart chart, const QList<PinnedCurve>& pins)
{
    const ExperimentSetup& setup = store.setup();
    QByteArray out;
    if (chart == FigureChart::Spectrum) {
        out += "mode,rho_over_D\n";
        for (std::size_t i = 0; i < setup.trackedRho.size(); ++i)
            out += QByteArray::number(qulonglong(i + 1)) + ',' + number(setup.trackedRho[i]) + '\n';
        if (setup.bulkCount > 0)
            out += "bulk x" + QByteArray::number(qlonglong(setup.bulkCount)) + ',' + number(setup.bulkRho) + '\n';
        return out;
    }
    const bool all = chart == FigureChart::Dashboard;
    const bool error = all || chart == FigureChart::Learning;
    const bool norms = all || chart == FigureChart::Norms;
    const bool overlaps = all || chart == FigureChart::Weights;
    const int K = setup.K;
    const int modes = static_cast<int>(std::min<std::size_t>(setup.trackedRho.size(), 8));
    const bool bias = [&] {
        for (const auto& o : store.theory())
            if (o && o->op.beta.size() && o->op.beta.cwiseAbs().maxCoeff() > 0)
                return true;
        return false;
    }();

    QList<QByteArray> header{"t", "route", "run"};
    if (error)
        header << "eps" << "eps_sem";
    for (int k = 1; norms && k <= K; ++k)
        header << "wnorm_" + QByteArray::number(k);
    for (int k = 1; norms && k <= K; ++k)
        header << "vnorm_" + QByteArray::number(k);
    for (int k = 1; norms && bias && k <= K; ++k)
        header << "beta_" + QByteArray::number(k);
    for (int k = 1; overlaps && k <= K; ++k)
        for (int m = 1; m <= modes; ++m)
            header << "cos_" + QByteArray::number(k) + '_' + QByteArray::number(m);
    out += header.join(',') + '\n';

    // One row: the error columns, then what the observables give (norms, biases, subspace overlaps as drawn).
    auto row = [&](double t, const QByteArray& route, const QByteArray& run, double eps, double sem,
                   const aedyn::Observables* o) {
        QList<QByteArray> cells{number(t), route, run};
        if (error)
            cells << number(eps) << number(sem);
        for (int k = 0; norms && k < K; ++k)
            cells << (o && k < o->encoderNorm.size() ? number(o->encoderNorm(k)) : QByteArray());
        for (int k = 0; norms && k < K; ++k)
            cells << (o && k < o->decoderNorm.size() ? number(o->decoderNorm(k)) : QByteArray());
        for (int k = 0; norms && bias && k < K; ++k)
            cells << (o && k < o->op.beta.size() ? number(o->op.beta(k)) : QByteArray());
        const Eigen::MatrixXd cos = o ? o->encoderSubspaceOverlap() : Eigen::MatrixXd();
        for (int k = 0; overlaps && k < K; ++k)
            for (int m = 0; m < modes; ++m)
                cells << (k < cos.rows() && m < cos.cols() ? number(cos(k, m)) : QByteArray());
        out += cells.join(',') + '\n';
    };
    const bool theory = !setup.theoryIsUntiedComparison || chart == FigureChart::Learning;
    for (std::size_t i = 0; theory && i < store.theory().size(); ++i)
        if (const auto& o = store.theory()[i])
            row(setup.times[i], "ode", "", o->eps, NAN, &*o);
    for (std::size_t i = 0; i < store.simulation().size(); ++i) {
        const auto& p = store.simulation()[i];
        if (!p)
            continue;
        const double t = store.simulationTimes()[i];
        row(t, "sgd", "mean", p->eps, p->epsSem, &p->mean);
        // Individual runs carry their error only: the store keeps per-run weights for the first run alone.
        for (std::size_t r = 0; error && r < p->epsRuns.size(); ++r)
            row(t, "sgd", QByteArray::number(qulonglong(r + 1)), p->epsRuns[r], NAN, nullptr);
    }
    for (const PinnedCurve& pin : pins) {
        if (!error)
            break;
        for (const QPointF& q : pin.theory)
            row(q.x(), "kept-ode", quoted(pin.label), q.y(), NAN, nullptr);
        for (const QPointF& q : pin.simulation)
            row(q.x(), "kept-sgd", quoted(pin.label), q.y(), NAN, nullptr);
    }
    return out;
}

QString exportCsv(const QByteArray& csv, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}
