#include "StaticItemCache.h"

#include <QGraphicsItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>

void cacheStaticItems(QGraphicsScene& scene)
{
    for (QGraphicsItem* item : scene.items()) {
        // Items the chart creates later (ticks of a new range, a legend entry) are found on a later call.
        if (item->cacheMode() != QGraphicsItem::NoCache)
            continue;
        // Not QGraphicsTextItem: Qt Charts sets the width of its titles without asking for a repaint, and a
        // cached title stayed blank.
        if (dynamic_cast<QGraphicsLineItem*>(item) || dynamic_cast<QGraphicsSimpleTextItem*>(item))
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    }
}
