#include "SweepHeatmap.h"

#include "ChartStyle.h"

#include <QPainter>

SweepHeatmap::SweepHeatmap(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(200, 160);
}

void SweepHeatmap::setMap(Map map)
{
    map_ = std::move(map);
    update();
}

void SweepHeatmap::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int nx = static_cast<int>(map_.xLabels.size()), ny = static_cast<int>(map_.yLabels.size());
    if (nx == 0 || ny == 0)
        return;
    const QFontMetrics fm(font());
    int yLabelWidth = 0;
    for (const QString& s : map_.yLabels)
        yLabelWidth = std::max(yLabelWidth, fm.horizontalAdvance(s));
    // Room for the y title (rotated), the y labels, and below the grid the x labels and the x title.
    const QRectF grid = QRectF(rect()).adjusted(fm.height() + yLabelWidth + 12, 6, -6, -(2 * fm.height() + 10));
    if (grid.width() < nx || grid.height() < ny)
        return;
    const double w = grid.width() / nx, h = grid.height() / ny;
    const QColor text = palette().text().color();
    QFont small = font();
    QFontMetrics sm(small);
    for (int i = 0; i < nx; ++i)
        for (int j = 0; j < ny; ++j) {
            const std::size_t k = static_cast<std::size_t>(i) * ny + j;
            const QRectF box(grid.left() + i * w, grid.bottom() - (j + 1) * h, w - 1, h - 1);
            const Cell cell = k < map_.cells.size() ? map_.cells[k] : Cell::Pending;
            if (cell == Cell::Pending) {
                p.fillRect(box, QColor(0xEE, 0xEE, 0xEE));
                continue;
            }
            if (cell == Cell::Missing) {
                p.fillRect(box, Qt::white);
                p.setPen(QPen(referenceGrey(), 1));
                p.drawLine(box.topLeft(), box.bottomRight());
                p.drawLine(box.bottomLeft(), box.topRight());
                continue;
            }
            const double v = map_.values[k];
            const QColor c = map_.scale.colour(v);
            p.fillRect(box, c);
            const QString label = readableNumber(v);
            if (sm.horizontalAdvance(label) + 4 < box.width() && sm.height() < box.height()) {
                p.setPen(c.lightnessF() > 0.55 ? Qt::black : Qt::white);
                p.drawText(box, Qt::AlignCenter, label);
            }
        }
    // Axis labels, thinned so that neighbours never overprint.
    p.setPen(text);
    int widest = 0;
    for (const QString& s : map_.xLabels)
        widest = std::max(widest, fm.horizontalAdvance(s));
    const int everyX = std::max(1, static_cast<int>(std::ceil((widest + 6) / w)));
    for (int i = 0; i < nx; i += everyX)
        p.drawText(QRectF(grid.left() + i * w - 20, grid.bottom() + 2, w + 40, fm.height()), Qt::AlignHCenter,
                   map_.xLabels[i]);
    const int everyY = std::max(1, static_cast<int>(std::ceil(fm.height() / h)));
    for (int j = 0; j < ny; j += everyY)
        p.drawText(QRectF(grid.left() - yLabelWidth - 6, grid.bottom() - (j + 1) * h, yLabelWidth + 2, h),
                   Qt::AlignRight | Qt::AlignVCenter, map_.yLabels[j]);
    p.drawText(QRectF(grid.left(), grid.bottom() + fm.height() + 6, grid.width(), fm.height()), Qt::AlignHCenter,
               map_.xTitle);
    p.save();
    p.translate(2, grid.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-grid.height() / 2, 0, grid.height(), fm.height()), Qt::AlignHCenter, map_.yTitle);
    p.restore();
}
