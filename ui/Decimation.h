#pragma once
// Long series are reduced to about two points per pixel before they reach a chart: in each pixel column only the
// lowest and the highest point survive, so peaks and plateaus look exactly as they would with every point.
#include <Eigen/Core>
#include <QList>
#include <QPointF>
#include <QSizeF>

// Points sorted by x > 0, drawn on a logarithmic x axis `pixels` wide.
QList<QPointF> decimateLogX(const QList<QPointF>& points, int pixels);
// Markers of points sorted by x on a logarithmic axis [xMin, xMax] drawn `pixels` wide: each kept point lies at
// least `spacing` pixels past the one kept before it, so that markers that size never overlap. The latest point is
// always kept (where a running curve has got to), in place of the one before it when they would overlap.
QList<QPointF> spaceMarkersLogX(const QList<QPointF>& points, double xMin, double xMax, double pixels, double spacing);
// Markers `size` pixels wide of points on logarithmic axes [xMin, xMax] × [yMin, yMax] drawn width × height: each
// kept point lies at least a quarter of a marker from the one kept before it, along x or y, and the last point is kept.
// Overlapping that little, the markers still draw the same band, with a fraction of the graphics items Qt Charts makes
// one per point.
QList<QPointF> thinMarkersLogLog(const QList<QPointF>& points, QPointF xRange, QPointF yRange, QSizeF plot, double size);
// The entries v_i (times scale) over the index i, drawn on a linear axis `pixels` wide.
QList<QPointF> decimateVector(const Eigen::VectorXd& v, double scale, int pixels);
