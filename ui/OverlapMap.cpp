#include "OverlapMap.h"

#include "ChartStyle.h"

#include <QPainter>

namespace {

constexpr int kMaxModes = 8;  // columns shown: the leading eigenvectors

Eigen::MatrixXd leading(const Eigen::MatrixXd& overlap)
{
    return overlap.leftCols(std::min<Eigen::Index>(overlap.cols(), kMaxModes));
}

} // namespace

OverlapMap::OverlapMap(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(240, 160);
    setToolTip(QStringLiteral("|cos(w_k, e_m)| within the span of the leading eigenvectors: rows are units, columns "
                              "eigenvectors in decreasing order of eigenvalue"));
}

void OverlapMap::refresh(const CurveStore& store)
{
    hasTheory_ = store.latestTheory() != nullptr;
    hasSimulation_ = store.latestSimulation() != nullptr;
    if (hasTheory_)
        theory_ = leading(store.latestTheory()->encoderSubspaceOverlap());
    if (hasSimulation_)
        simulation_ = leading(store.latestSimulation()->mean.encoderSubspaceOverlap());
    update();
}

void OverlapMap::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QRectF r = rect().adjusted(8, 8, -8, -8);
    const double half = r.width() / 2;
    p.setPen(palette().text().color());
    p.drawText(QRectF(r.left(), r.top(), r.width(), 20), Qt::AlignCenter,
               QStringLiteral("Overlaps |cos(w_k, e_m)|"));
    const QRectF body = r.adjusted(0, 24, 0, 0);
    paintMap(p, QRectF(body.left(), body.top(), half - 6, body.height()), hasTheory_ ? theory_ : Eigen::MatrixXd(),
             QStringLiteral("theory"));
    paintMap(p, QRectF(body.left() + half + 6, body.top(), half - 6, body.height()),
             hasSimulation_ ? simulation_ : Eigen::MatrixXd(), QStringLiteral("simulation"));
}

void OverlapMap::paintMap(QPainter& p, const QRectF& area, const Eigen::MatrixXd& m, const QString& title)
{
    p.setPen(palette().text().color());
    p.drawText(QRectF(area.left(), area.top(), area.width(), 18), Qt::AlignCenter, title);
    if (m.size() == 0) {
        p.drawText(area, Qt::AlignCenter, QStringLiteral("—"));
        return;
    }
    const int K = static_cast<int>(m.rows()), M = static_cast<int>(m.cols());
    const QRectF grid = area.adjusted(22, 38, 0, 0);
    const double cell = std::min(grid.width() / M, grid.height() / K);
    QFont small = p.font();
    small.setPointSizeF(std::max(7.0, std::min(10.0, cell / 4)));
    p.setFont(small);
    for (int j = 0; j < M; ++j)
        p.drawText(QRectF(grid.left() + j * cell, grid.top() - 18, cell, 16), Qt::AlignCenter,
                   QStringLiteral("e%1").arg(j + 1));
    for (int k = 0; k < K; ++k) {
        p.setPen(unitColour(k));
        p.drawText(QRectF(area.left(), grid.top() + k * cell, 20, cell), Qt::AlignCenter, QString::number(k + 1));
        for (int j = 0; j < M; ++j) {
            const double v = std::clamp(m(k, j), 0.0, 1.0);
            // White (0) to the palette's blue (1), so a learnt eigenvector stands out as a dark cell.
            const QColor c = QColor::fromRgbF(1 - v * 1.0, 1 - v * 0.55, 1 - v * 0.30);
            const QRectF box(grid.left() + j * cell, grid.top() + k * cell, cell - 2, cell - 2);
            p.fillRect(box, c);
            p.setPen(v > 0.6 ? Qt::white : Qt::black);
            if (cell > 24)
                p.drawText(box, Qt::AlignCenter, QString::number(m(k, j), 'f', 2));
        }
    }
}
