#pragma once

class QGraphicsItem;
class QGraphicsScene;

// Qt Charts repaints every item under a changed series: a new SGD point redraws the grid, the ticks, every word and
// every line of the chart. Grid lines, plain words and line series are therefore kept as pixmaps in device
// coordinates, which Qt renews itself when such an item changes (update()) and reuses when it only moves. Markers
// are left alone: they change with every point, and a pixmap renewed each frame costs more than drawing them.
// Rich-text items (titles, tick labels) are drawn too: Qt Charts lays them out without an update(), and a cached
// one stayed blank.
// For charts on screen only: printed and vector figures must be drawn, not copied from pixmaps.
void cacheStaticItems(QGraphicsScene& scene);
// Whether a scene item is the graphics item of a Qt Charts line series (Qt Charts does not say which item is whose).
bool isLineSeries(const QGraphicsItem* item);
