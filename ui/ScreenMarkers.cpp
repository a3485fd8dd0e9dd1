#include "ScreenMarkers.h"

#include <QChart>
#include <QImage>
#include <QPainter>
#include <QPolygonF>
#include <QScatterSeries>

#include <cmath>
#include <numbers>

namespace {

// The marker's outline in a box of side `size` at (x, y), as Qt Charts shapes each kind.
QPolygonF outline(QScatterSeries::MarkerShape shape, double x, double y, double size)
{
    const double half = size / 2;
    switch (shape) {
    case QScatterSeries::MarkerShapeTriangle:
        return QPolygonF{{x + half, y}, {x + size, y + size}, {x, y + size}};
    case QScatterSeries::MarkerShapeRotatedRectangle:
        return QPolygonF{{x + half, y}, {x + size, y + half}, {x + half, y + size}, {x, y + half}};
    case QScatterSeries::MarkerShapePentagon: {
        QPolygonF corners;
        for (int i = 0; i < 5; ++i) {
            const double angle = -std::numbers::pi / 2 + i * 2 * std::numbers::pi / 5;
            corners << QPointF(x + half + half * std::cos(angle), y + half + half * std::sin(angle));
        }
        return corners;
    }
    default:
        return {};
    }
}

QImage markerImage(const QScatterSeries& s, double ratio)
{
    // Room for the pen around the shape, in whole logical pixels so that the image keeps its centre.
    const double size = s.markerSize();
    const int side = static_cast<int>(std::ceil(size + s.pen().widthF())) + 2;
    QImage image(QSize(side, side) * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(s.pen());
    p.setBrush(s.brush());
    const double origin = (side - size) / 2;
    switch (s.markerShape()) {
    case QScatterSeries::MarkerShapeCircle:
        p.drawEllipse(QRectF(origin, origin, size, size));
        break;
    case QScatterSeries::MarkerShapeRectangle:
        p.drawRect(QRectF(origin, origin, size, size));
        break;
    default:
        p.drawPolygon(outline(s.markerShape(), origin, origin, size));
        break;
    }
    return image;
}

// What the image depends on: a series whose key is unchanged keeps its image.
QString markerKey(const QScatterSeries& s, double ratio)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
        .arg(int(s.markerShape()))
        .arg(s.markerSize())
        .arg(s.pen().color().rgba())
        .arg(s.pen().widthF())
        .arg(s.brush().color().rgba())
        .arg(int(s.brush().style()))
        .arg(ratio);
}

} // namespace

void drawMarkersAsImages(QChart& chart, double devicePixelRatio)
{
    for (QAbstractSeries* series : chart.series()) {
        auto* s = qobject_cast<QScatterSeries*>(series);
        if (!s)
            continue;
        const QString key = markerKey(*s, devicePixelRatio);
        if (s->property("aedynMarkerKey").toString() == key)
            continue;
        s->setProperty("aedynMarkerKey", key);
        s->setLightMarker(markerImage(*s, devicePixelRatio));
        // The per-point items stay hidden: the image is drawn in their place.
        s->setPointsVisible(false);
    }
}
