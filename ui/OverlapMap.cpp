#include "OverlapMap.h"

#include "ChartSeries.h"
#include "ChartStyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

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

void OverlapMap::drawText(QPainter& p, const QRectF& box, const QStringList& wordings)
{
    const QFontMetricsF fm(p.font());
    QString text = wordings.last();
    for (const QString& w : wordings)
        if (fm.horizontalAdvance(w) <= box.width()) {
            text = w;
            break;
        }
    // Unclipped: a heading wider than its cell (e1 over a small cell) is drawn whole, as recorded; the stride of the
    // labels keeps them apart.
    painted_.append({p.boundingRect(box, Qt::AlignCenter | Qt::TextDontClip, text), text});
    p.drawText(box, Qt::AlignCenter | Qt::TextDontClip, text);
}

void OverlapMap::paintEvent(QPaintEvent*)
{
    painted_.clear();
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
    // A narrow map (a printed figure) takes the shorter wordings rather than running off its edge.
    drawText(p, QRectF(r.left(), r.top(), r.width(), 1.2 * line),
             bulkColumn_ ? QStringList{QStringLiteral("Overlaps |cos(w, e_m)|, rest: outside them"),
                                       QStringLiteral("|cos(w, e_m)|, rest: outside"), QStringLiteral("|cos(w, e_m)|")}
                         : QStringList{QStringLiteral("Overlaps |cos(w_k, e_m)|"), QStringLiteral("|cos(w_k, e_m)|")});
    p.setFont(font());
    const QRectF body = r.adjusted(0, 1.4 * line, 0, 0);
    // Side by side or one above the other, whichever gives the larger cells.
    const int K = std::max<int>(1, std::max(theory_.rows(), simulation_.rows()));
    const int M = std::max<int>(1, std::max(theory_.cols(), simulation_.cols()));
    auto cellIn = [&](double w, double h) { return std::min((w - 1.4 * line) / M, (h - 2.3 * line) / K); };
    const bool sideBySide = cellIn(body.width() / 2, body.height()) > cellIn(body.width(), body.height() / 2);
    const QRectF first = sideBySide ? QRectF(body.left(), body.top(), body.width() / 2 - 6, body.height())
                                    : QRectF(body.left(), body.top(), body.width(), body.height() / 2 - 6);
    const QRectF second = sideBySide ? first.translated(body.width() / 2 + 6, 0)
                                     : first.translated(0, body.height() / 2 + 6);
    const QString some = units_ > kOverlapUnits ? QStringLiteral(", units 1–%1").arg(kOverlapUnits) : QString();
    // Each map says its time: the theory follows the simulation's while one of the same parameters is shown.
    auto at = [](double t) { return QStringLiteral(", t = %1").arg(t, 0, 'g', 3); };
    const QString theoryAt = theory_.size() ? at(theoryTime_) : QString();
    const QString simulationAt = simulation_.size() ? at(simulationTime_) : QString();
    paintMap(p, first, theory_,
             {QStringLiteral("ODE") + theoryAt + some, QStringLiteral("ODE") + theoryAt, QStringLiteral("ODE")},
             theoryMissing_, theoryStale_);
    paintMap(p, second, simulation_,
             {QStringLiteral("SGD mean") + simulationAt + some, QStringLiteral("SGD") + simulationAt,
              QStringLiteral("SGD")},
             QStringLiteral("press Run"), simulationStale_);
}

void OverlapMap::paintMap(QPainter& p, const QRectF& area, const Eigen::MatrixXd& m, const QStringList& titles,
                          const QString& missing, bool stale)
{
    const double line = QFontMetricsF(font()).height();
    p.setPen(palette().text().color());
    // The widget's type: the first map leaves the painter set to its numbers' smaller type.
    p.setFont(font());
    drawText(p, QRectF(area.left(), area.top(), area.width(), 1.1 * line), titles);
    if (m.size() == 0) {
        p.setPen(referenceGrey());
        drawText(p, area, {missing, QStringLiteral("—")});
        return;
    }
    const int K = static_cast<int>(m.rows()), M = static_cast<int>(m.cols());
    // The cell sets the size of its numbers (a third of it), at most the widget's own type.
    const double limit = kMaxCellLines * line;
    const QRectF guess = area.adjusted(1.4 * line, 2.2 * line, 0, 0);
    const double cell = std::min({guess.width() / M, guess.height() / K, limit});
    QFont small = p.font();
    small.setPointSizeF(std::max(std::min(7.0, font().pointSizeF()), std::min(font().pointSizeF(), cell / 3.5)));
    const QFontMetricsF smallMetrics(small);
    const double smallLine = smallMetrics.height();
    // Numbers where a cell holds them: 0.83, or in a small cell (a printed figure) .83; none rather than overprinted.
    const bool numbers = smallLine <= cell - 2;
    const bool fullNumbers = numbers && smallMetrics.horizontalAdvance(QStringLiteral("0.00")) <= cell - 4;
    const bool shortNumbers = numbers && smallMetrics.horizontalAdvance(QStringLiteral(".00")) <= cell - 4;
    // Centred in its half, below the title and the row of e_m labels.
    const QRectF grid(area.left() + 1.4 * line + (area.width() - 1.4 * line - cell * M) / 2,
                      area.top() + 1.2 * line + 1.1 * smallLine, cell * M, cell * K);
    p.setFont(small);
    p.setPen(palette().text().color());
    // Cells smaller than their labels (many modes in a small map) label every second, third, … row and column.
    auto columnLabel = [&](int j) {
        return bulkColumn_ && j == M - 1 ? QStringLiteral("rest") : QStringLiteral("e%1").arg(j + 1);
    };
    const int columnStride = static_cast<int>(std::ceil(
        (std::max(smallMetrics.horizontalAdvance(columnLabel(M - 1)), smallMetrics.horizontalAdvance(QStringLiteral("e%1").arg(M))) + 2) / cell));
    const int rowStride = static_cast<int>(std::ceil(smallLine / cell));
    for (int j = 0; j < M; j += columnStride)
        drawText(p, QRectF(grid.left() + j * cell, grid.top() - 1.1 * smallLine, cell, smallLine), {columnLabel(j)});
    // The ground (0) to the palette's blue (1), so a learnt eigenvector stands out as a full cell; grey when stale.
    const QColor ground = palette().base().color();
    const bool dark = ground.lightnessF() < 0.5;
    const QColor full = stale ? referenceGrey() : unitColour(0);
    for (int k = 0; k < K; ++k) {
        p.setPen(unitColour(k, dark));
        if (k % rowStride == 0)
            drawText(p, QRectF(grid.left() - 1.4 * line, grid.top() + k * cell, 1.3 * line, cell),
                     {QString::number(k + 1)});
        for (int j = 0; j < M; ++j) {
            const double v = std::clamp(m(k, j), 0.0, 1.0);
            const QColor c = QColor::fromRgbF(ground.redF() + v * (full.redF() - ground.redF()),
                                              ground.greenF() + v * (full.greenF() - ground.greenF()),
                                              ground.blueF() + v * (full.blueF() - ground.blueF()));
            const QRectF box(grid.left() + j * cell, grid.top() + k * cell, cell - 2, cell - 2);
            p.fillRect(box, c);
            p.setPen(textOn(c));
            const QString number = QString::number(m(k, j), 'f', 2);
            if (fullNumbers)
                drawText(p, box, {number});
            else if (shortNumbers)
                drawText(p, box, {number.startsWith(QLatin1String("0.")) ? number.mid(1) : QStringLiteral("1")});
        }
    }
}
