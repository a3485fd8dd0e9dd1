#pragma once
// Qt Charts lays a chart out and paints it again after any change handed to it, even one to the same value; a
// repaint of the dashboard hands over only what has changed, so that a chart whose curves stand still costs
// nothing.
#include <QLegendMarker>
#include <QXYSeries>

inline void replaceIfChanged(QXYSeries* series, const QList<QPointF>& points)
{
    if (series->points() != points)
        series->replace(points);
}

inline void showMarker(QLegendMarker* marker, bool visible)
{
    if (marker->isVisible() != visible)
        marker->setVisible(visible);
}
