#include "Decimation.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace {

// Appends the lowest and highest of points[first, last), in their order along x.
void appendExtremes(QList<QPointF>& out, const QList<QPointF>& points, qsizetype first, qsizetype last)
{
    qsizetype lo = first, hi = first;
    for (qsizetype i = first + 1; i < last; ++i) {
        if (points[i].y() < points[lo].y())
            lo = i;
        if (points[i].y() > points[hi].y())
            hi = i;
    }
    out.append(points[std::min(lo, hi)]);
    if (lo != hi)
        out.append(points[std::max(lo, hi)]);
}

// The points kept at least `gap` pixels apart, along x or along y, from the one kept before; `at` gives a point's
// place in pixels, or nothing where a log axis cannot show it. The last point is always kept (where a curve has got
// to, where a spectrum ends), in place of the one before it when the two would be closer.
template <class At>
QList<QPointF> keepApart(const QList<QPointF>& points, At at, double gap)
{
    QList<QPointF> out;
    QPointF last;
    auto close = [&](QPointF a) { return std::max(std::abs(a.x() - last.x()), std::abs(a.y() - last.y())) < gap; };
    for (const QPointF& p : points)
        if (const std::optional<QPointF> a = at(p); a && (out.isEmpty() || !close(*a))) {
            out.append(p);
            last = *a;
        }
    if (!out.isEmpty() && out.last() != points.last())
        if (const std::optional<QPointF> a = at(points.last())) {
            if (out.size() > 1 && close(*a))
                out.removeLast();
            out.append(points.last());
        }
    return out;
}

} // namespace

QList<QPointF> decimateLogX(const QList<QPointF>& points, int pixels)
{
    pixels = std::max(pixels, 1);
    if (points.size() <= 2 * pixels)
        return points;
    const double x0 = std::log(points.first().x());
    const double span = std::log(points.last().x()) - x0;
    if (!(span > 0))
        return points;
    QList<QPointF> out;
    out.reserve(2 * pixels + 2);
    qsizetype first = 0;
    auto column = [&](qsizetype i) { return static_cast<int>(pixels * (std::log(points[i].x()) - x0) / span); };
    for (qsizetype i = 1; i <= points.size(); ++i)
        if (i == points.size() || column(i) != column(first)) {
            appendExtremes(out, points, first, i);
            first = i;
        }
    // The latest point is always drawn: it is where a running curve has got to.
    if (out.last() != points.last())
        out.append(points.last());
    return out;
}

QList<QPointF> spaceMarkersLogX(const QList<QPointF>& points, double xMin, double xMax, double pixels, double spacing)
{
    if (!(xMin > 0) || !(xMax > xMin) || !(pixels > 0))
        return points;
    const double x0 = std::log(xMin), perPixel = (std::log(xMax) - x0) / pixels;
    return keepApart(
        points,
        [&](QPointF p) -> std::optional<QPointF> {
            if (!(p.x() > 0))
                return std::nullopt;
            return QPointF((std::log(p.x()) - x0) / perPixel, 0.0);
        },
        spacing);
}

QList<QPointF> thinMarkersLogLog(const QList<QPointF>& points, QPointF xRange, QPointF yRange, QSizeF plot, double size)
{
    const auto scale = [](QPointF range, double pixels) { return pixels / std::log(range.y() / range.x()); };
    if (!(xRange.x() > 0) || !(xRange.y() > xRange.x()) || !(yRange.x() > 0) || !(yRange.y() > yRange.x()) ||
        !(plot.width() > 0) || !(plot.height() > 0))
        return points;
    const double sx = scale(xRange, plot.width()), sy = scale(yRange, plot.height());
    return keepApart(
        points,
        [&](QPointF p) -> std::optional<QPointF> {
            if (!(p.x() > 0) || !(p.y() > 0))
                return std::nullopt;
            return QPointF(sx * std::log(p.x()), sy * std::log(p.y()));
        },
        size / 4);
}

QList<QPointF> decimateVector(const Eigen::VectorXd& v, double scale, int pixels)
{
    QList<QPointF> all;
    all.reserve(v.size());
    for (Eigen::Index i = 0; i < v.size(); ++i)
        all.append({double(i), scale * v(i)});
    pixels = std::max(pixels, 1);
    if (all.size() <= 2 * pixels)
        return all;
    QList<QPointF> out;
    out.reserve(2 * pixels + 2);
    const double perColumn = double(all.size()) / pixels;
    for (int c = 0; c < pixels; ++c) {
        const auto first = static_cast<qsizetype>(c * perColumn);
        const auto last = std::min(all.size(), static_cast<qsizetype>((c + 1) * perColumn));
        if (first < last)
            appendExtremes(out, all, first, last);
    }
    return out;
}
