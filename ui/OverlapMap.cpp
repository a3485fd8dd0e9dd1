#include "OverlapMap.h"

#include "ChartSeries.h"
#include "ChartStyle.h"

#include <QPainter>

namespace {

constexpr double kMaxCell = 56.0;  // px; a 1×1 map is a cell, not a wall

} // namespace

OverlapMap::OverlapMap(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(200, 160);
    setToolTip(QStringLiteral("|cos(w_k, e_m)| within the span of the tracked eigenvectors: rows are units, columns "
                              "eigenvectors in decreasing order of eigenvalue (at most 8 of each)"));
}

void OverlapMap::refresh(const aedyn::RunResults& store)
{
    // The untied comparison theory of a tied network says nothing about the tied weights.
    const bool comparison = store.setup().theoryIsUntiedComparison;
    // The same series the CSV export writes: one point per unit and mode, at each route's latest time.
    theory_.resize(0, 0);
    simulation_.resize(0, 0);
    for (const aedyn::Series& s : aedyn::overlapSeries(store, kOverlapUnits, kOverlapModes)) {
        Eigen::MatrixXd& m = s.route == "ode" ? theory_ : simulation_;
        const int k = s.unit;
        const int mode = s.mode;
        if (m.rows() <= k || m.cols() <= mode)
            m.conservativeResize(std::max<Eigen::Index>(m.rows(), k + 1), std::max<Eigen::Index>(m.cols(), mode + 1));
        m(k, mode) = s.y.front();
    }
    theoryMissing_ = comparison ? QStringLiteral("no ODE for tied weights") : QStringLiteral("—");
    units_ = store.setup().K;
    theoryStale_ = store.theoryStale;
    simulationStale_ = store.simulationStale;
    update();
}

void OverlapMap::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QRectF r = rect().adjusted(8, 8, -8, -8);
    p.setPen(palette().text().color());
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(r.left(), r.top(), r.width(), 20), Qt::AlignCenter, QStringLiteral("Overlaps |cos(w_k, e_m)|"));
    p.setFont(font());
    const QRectF body = r.adjusted(0, 24, 0, 0);
    // Side by side in a wide widget, one above the other in a tall one.
    const bool sideBySide = body.width() > body.height();
    const QRectF first = sideBySide ? QRectF(body.left(), body.top(), body.width() / 2 - 6, body.height())
                                    : QRectF(body.left(), body.top(), body.width(), body.height() / 2 - 6);
    const QRectF second = sideBySide ? first.translated(body.width() / 2 + 6, 0)
                                     : first.translated(0, body.height() / 2 + 6);
    const QString some = units_ > kOverlapUnits ? QStringLiteral(", units 1–%1").arg(kOverlapUnits) : QString();
    paintMap(p, first, theory_, QStringLiteral("theory (ODE)") + some, theoryMissing_, theoryStale_);
    paintMap(p, second, simulation_, QStringLiteral("simulation (SGD mean)") + some, QStringLiteral("press Run"),
             simulationStale_);
}

void OverlapMap::paintMap(QPainter& p, const QRectF& area, const Eigen::MatrixXd& m, const QString& title,
                          const QString& missing, bool stale)
{
    p.setPen(palette().text().color());
    p.drawText(QRectF(area.left(), area.top(), area.width(), 18), Qt::AlignCenter, title);
    if (m.size() == 0) {
        p.setPen(referenceGrey());
        p.drawText(area, Qt::AlignCenter, missing);
        return;
    }
    const int K = static_cast<int>(m.rows()), M = static_cast<int>(m.cols());
    const QRectF space = area.adjusted(22, 38, 0, 0);
    const double cell = std::min({space.width() / M, space.height() / K, kMaxCell});
    // Centred in its half.
    const QRectF grid(space.left() + (space.width() - cell * M) / 2, space.top(), cell * M, cell * K);
    QFont small = p.font();
    small.setPointSizeF(std::max(7.0, std::min(10.0, cell / 3.5)));
    p.setFont(small);
    p.setPen(palette().text().color());
    for (int j = 0; j < M; ++j)
        p.drawText(QRectF(grid.left() + j * cell, grid.top() - 18, cell, 16), Qt::AlignCenter,
                   QStringLiteral("e%1").arg(j + 1));
    // White (0) to the palette's blue (1), so a learnt eigenvector stands out as a dark cell; grey when stale.
    const QColor full = stale ? referenceGrey() : unitColour(0);
    for (int k = 0; k < K; ++k) {
        p.setPen(unitColour(k));
        p.drawText(QRectF(grid.left() - 22, grid.top() + k * cell, 20, cell), Qt::AlignCenter, QString::number(k + 1));
        for (int j = 0; j < M; ++j) {
            const double v = std::clamp(m(k, j), 0.0, 1.0);
            const QColor c = QColor::fromRgbF(1 - v * (1 - full.redF()), 1 - v * (1 - full.greenF()),
                                              1 - v * (1 - full.blueF()));
            const QRectF box(grid.left() + j * cell, grid.top() + k * cell, cell - 2, cell - 2);
            p.fillRect(box, c);
            p.setPen(v > 0.6 ? Qt::white : Qt::black);
            if (cell > 24)
                p.drawText(box, Qt::AlignCenter, QString::number(m(k, j), 'f', 2));
        }
    }
}
