#pragma once
// Long series are reduced to about two points per pixel before they reach a chart: in each pixel column only the
// lowest and the highest point survive, so peaks and plateaus look exactly as they would with every point.
#include <Eigen/Core>
#include <QList>
#include <QPointF>

// Points sorted by x > 0, drawn on a logarithmic x axis `pixels` wide.
QList<QPointF> decimateLogX(const QList<QPointF>& points, int pixels);
// The entries v_i (times scale) over the index i, drawn on a linear axis `pixels` wide.
QList<QPointF> decimateVector(const Eigen::VectorXd& v, double scale, int pixels);
