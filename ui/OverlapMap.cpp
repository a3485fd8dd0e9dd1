#include "OverlapMap.h"

#include "ChartSeries.h"
#include "ChartStyle.h"

#include <QFontMetricsF>
#include <QPainter>

namespace {

constexpr double kMaxCellLines = 3.5;  // a cell at most this many text lines high: a 1×1 map is a cell, not a wall

} // namespace

OverlapMap::OverlapMap(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(200, 160);
    setToolTip(QStringLiteral("|cos(w_k, e_m)| within the span of the tracked eigenvectors: rows are units, columns "
                              "eigenvectors in decreasing order of eigenvalue (at most 8 of each). For one unit the "
                              "plain cosine, and 'rest' the share of w outside the tracked eigenvectors. The ODE is "
                              "shown at the time of the simulation while one runs."));
}

void OverlapMap::refresh(const aedyn::RunResults& store)
{
    // The untied comparison theory of a tied network says nothing about the tied weights.
    const bool comparison = store.setup().theoryIsUntiedComparison;
    // The same series the CSV export writes: one point per unit and mode, at each route's latest time.
    theory_.resize(0, 0);
    simulation_.resize(0, 0);
    bulkColumn_ = false;
    for (const aedyn::Series& s : aedyn::overlapSeries(store, kOverlapUnits, kOverlapModes)) {
        Eigen::MatrixXd& m = s.route == "ode" ? theory_ : simulation_;
        (s.route == "ode" ? theoryTime_ : simulationTime_) = s.t.front();
        bulkColumn_ = bulkColumn_ || s.column.rfind("bulk_cos_", 0) == 0;
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
    // Every offset in lines of the widget's font, so that projector type (lecture mode) keeps its room.
    const double line = QFontMetricsF(font()).height();
    p.setPen(palette().text().color());
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(r.left(), r.top(), r.width(), 1.2 * line), Qt::AlignCenter,
               bulkColumn_ ? QStringLiteral("Overlaps |cos(w, e_m)|, rest: outside them")
                           : QStringLiteral("Overlaps |cos(w_k, e_m)|"));
    p.setFont(font());
    const QRectF body = r.adjusted(0, 1.4 * line, 0, 0);
    // Side by side in a wide widget, one above the other in a tall one.
    const bool sideBySide = body.width() > body.height();
    const QRectF first = sideBySide ? QRectF(body.left(), body.top(), body.width() / 2 - 6, body.height())
                                    : QRectF(body.left(), body.top(), body.width(), body.height() / 2 - 6);
    const QRectF second = sideBySide ? first.translated(body.width() / 2 + 6, 0)
                                     : first.translated(0, body.height() / 2 + 6);
    const QString some = units_ > kOverlapUnits ? QStringLiteral(", units 1–%1").arg(kOverlapUnits) : QString();
    // Each map says its time: the theory follows the simulation's while one of the same parameters is shown.
    auto at = [](double t) { return QStringLiteral(", t = %1").arg(t, 0, 'g', 3); };
    paintMap(p, first, theory_, QStringLiteral("ODE") + (theory_.size() ? at(theoryTime_) : QString()) + some,
             theoryMissing_, theoryStale_);
    paintMap(p, second, simulation_,
             QStringLiteral("SGD") + (simulation_.size() ? at(simulationTime_) : QString()) + some,
             QStringLiteral("press Run"), simulationStale_);
}

void OverlapMap::paintMap(QPainter& p, const QRectF& area, const Eigen::MatrixXd& m, const QString& title,
                          const QString& missing, bool stale)
{
    const double line = QFontMetricsF(font()).height();
    p.setPen(palette().text().color());
    p.drawText(QRectF(area.left(), area.top(), area.width(), 1.1 * line), Qt::AlignCenter, title);
    if (m.size() == 0) {
        p.setPen(referenceGrey());
        p.drawText(area, Qt::AlignCenter, missing);
        return;
    }
    const int K = static_cast<int>(m.rows()), M = static_cast<int>(m.cols());
    // The cell sets the size of its numbers (a third of it), at most the widget's own type.
    const double limit = kMaxCellLines * line;
    const QRectF guess = area.adjusted(1.4 * line, 2.2 * line, 0, 0);
    const double cell = std::min({guess.width() / M, guess.height() / K, limit});
    QFont small = p.font();
    small.setPointSizeF(std::max(7.0, std::min(font().pointSizeF(), cell / 3.5)));
    const double smallLine = QFontMetricsF(small).height();
    // Centred in its half, below the title and the row of e_m labels.
    const QRectF grid(area.left() + 1.4 * line + (area.width() - 1.4 * line - cell * M) / 2,
                      area.top() + 1.2 * line + 1.1 * smallLine, cell * M, cell * K);
    p.setFont(small);
    p.setPen(palette().text().color());
    for (int j = 0; j < M; ++j)
        p.drawText(QRectF(grid.left() + j * cell, grid.top() - 1.1 * smallLine, cell, smallLine), Qt::AlignCenter,
                   bulkColumn_ && j == M - 1 ? QStringLiteral("rest") : QStringLiteral("e%1").arg(j + 1));
    // White (0) to the palette's blue (1), so a learnt eigenvector stands out as a dark cell; grey when stale.
    const QColor full = stale ? referenceGrey() : unitColour(0);
    for (int k = 0; k < K; ++k) {
        p.setPen(unitColour(k));
        p.drawText(QRectF(grid.left() - 1.4 * line, grid.top() + k * cell, 1.3 * line, cell), Qt::AlignCenter,
                   QString::number(k + 1));
        for (int j = 0; j < M; ++j) {
            const double v = std::clamp(m(k, j), 0.0, 1.0);
            const QColor c = QColor::fromRgbF(1 - v * (1 - full.redF()), 1 - v * (1 - full.greenF()),
                                              1 - v * (1 - full.blueF()));
            const QRectF box(grid.left() + j * cell, grid.top() + k * cell, cell - 2, cell - 2);
            p.fillRect(box, c);
            p.setPen(v > 0.6 ? Qt::white : Qt::black);
            if (cell > 2.6 * smallLine)
                p.drawText(box, Qt::AlignCenter, QString::number(m(k, j), 'f', 2));
        }
    }
}
