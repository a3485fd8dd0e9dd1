#pragma once

class QGraphicsScene;

// Qt Charts repaints every item under a changed series: a new SGD point redraws the grid, the ticks and every word
// of the chart. Lines and plain words are therefore kept as pixmaps in device coordinates, which Qt renews itself when
// such an item changes (update()) and reuses when it only moves. Series and their markers are left alone: they
// change with every point, and a pixmap renewed each frame costs more than drawing. Rich-text items (titles, tick
// labels) are drawn too: Qt Charts lays them out without an update(), and a cached one stayed blank.
// For charts on screen only: printed and vector figures must be drawn, not copied from pixmaps.
void cacheStaticItems(QGraphicsScene& scene);
