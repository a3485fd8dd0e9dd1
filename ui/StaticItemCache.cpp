#include "StaticItemCache.h"

#include <QGraphicsItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMetaObject>
#include <QPixmapCache>

#include <cstring>

bool isLineSeries(const QGraphicsItem* item)
{
    const QGraphicsObject* o = item->toGraphicsObject();
    return o && std::strstr(o->metaObject()->className(), "LineChartItem");
}

void cacheStaticItems(QGraphicsScene& scene)
{
    // Qt keeps these pixmaps in QPixmapCache, 10 MB by default (figure 2's dashboard takes 2.5 MB at 1600 × 1000, four
    // times that on a screen of pixel ratio 2, more with eight units): past the limit each would be drawn and stored
    // again at every paint.
    constexpr int kPixmapCacheKiB = 96 * 1024;
    if (QPixmapCache::cacheLimit() < kPixmapCacheKiB)
        QPixmapCache::setCacheLimit(kPixmapCacheKiB);
    for (QGraphicsItem* item : scene.items()) {
        // Items the chart creates later (ticks of a new range, a legend entry) are found on a later call.
        if (item->cacheMode() != QGraphicsItem::NoCache)
            continue;
        // Not QGraphicsTextItem: Qt Charts sets the width of its titles without asking for a repaint, and a
        // cached title stayed blank.
        if (dynamic_cast<QGraphicsLineItem*>(item) || dynamic_cast<QGraphicsSimpleTextItem*>(item))
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
        // A line series: during a run most are the finished theory, unchanged (its dashes took a third of the norms
        // chart's paint). Qt Charts calls update() when a line's points change, which renews its pixmap.
        else if (isLineSeries(item))
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    }
}
