#include "LearningCurveChart.h"

#include "ChangedOnly.h"
#include "ChartSeries.h"

#include "ChartStyle.h"
#include "Decimation.h"
#include "DecadeLabels.h"
#include "Theme.h"
#include "PageFit.h"

#include <QAreaSeries>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPolygonF>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <optional>

namespace {

// A PCA level's words on a patch of the chart's ground: the grid and the dashed levels behind them would otherwise
// strike through the letters (a printed figure 5d, where four levels lie close).
class LevelLabel : public QGraphicsSimpleTextItem {
public:
    using QGraphicsSimpleTextItem::QGraphicsSimpleTextItem;
    void setGround(const QColor& ground)
    {
        if (ground_ != ground) {
            ground_ = ground;
            update();
        }
    }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override
    {
        painter->fillRect(boundingRect(), ground_);
        QGraphicsSimpleTextItem::paint(painter, option, widget);
    }

private:
    QColor ground_;
};

// Above the grid, the axes and every series (Qt Charts stacks them from 0 to 7), below the legend: the label's ground
// hides what lies behind it, and its place is chosen where the curve is not.
constexpr qreal kLevelLabelZ = 8;

constexpr double kMarkerSize = 6;  // the simulation's markers on screen, in pixels at the normal line width

// Log axes accept only finite, positive values (t = 0 is left out).
bool drawable(double t, double y) { return t > 0 && std::isfinite(t) && y > 0 && std::isfinite(y); }

// True when the segment a–b passes through the inside of box (Liang–Barsky clipping of the segment to the box).
bool segmentCrossesBox(QPointF a, QPointF b, const QRectF& box)
{
    double t0 = 0, t1 = 1;
    const QPointF d = b - a;
    const double p[] = {-d.x(), d.x(), -d.y(), d.y()};
    const double q[] = {a.x() - box.left(), box.right() - a.x(), a.y() - box.top(), box.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] <= 0)
                return false;  // parallel to this edge and outside (or on) it
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
        if (t0 >= t1)
            return false;
    }
    return true;
}


} // namespace

LearningCurveChart::LearningCurveChart(QWidget* parent)
    : QChartView(parent)
    , tAxis_(makeLogAxis(chart(), QStringLiteral("time t = steps / D")))
    , epsLogAxis_(makeLogAxis(chart(), QStringLiteral("test error ε")))
    , epsLinearAxis_(new QValueAxis)
    , ode_(new QLineSeries)
    , sgd_(new QScatterSeries)
    // An area series does not own its edges, and they are never added to the chart: this view owns them.
    , bandUpper_(new QLineSeries(this))
    , bandLower_(new QLineSeries(this))
    , band_(new QAreaSeries(bandUpper_, bandLower_))
    , cursor_(new QLineSeries)
{
    setRenderHint(QPainter::Antialiasing);
    // The read-out under the pointer follows the mouse without a button pressed.
    viewport()->setMouseTracking(true);
    QChart* c = chart();
    c->setTitle(QStringLiteral("<b>Learning curve</b>"));
    c->legend()->setAlignment(Qt::AlignTop);
    epsLinearAxis_->setTitleText(QStringLiteral("test error ε"));
    for (QAbstractAxis* axis : std::initializer_list<QAbstractAxis*>{epsLogAxis_, epsLinearAxis_})
        setShortTitle(axis, {QStringLiteral("ε")});
    setShortTitle(tAxis_, {QStringLiteral("t")});
    c->addAxis(tAxis_, Qt::AlignBottom);
    c->addAxis(epsLogAxis_, Qt::AlignLeft);

    band_->setPen(Qt::NoPen);
    sgd_->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    sgd_->setMarkerSize(kMarkerSize);
    ode_->setName(QStringLiteral("ODE theory"));
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{band_, sgd_, ode_, cursor_}) {
        c->addSeries(s);
        s->attachAxis(tAxis_);
        s->attachAxis(epsLogAxis_);
    }
    // The band belongs to the markers' legend entry ("± s.e.m."): one entry less to fit in a narrow figure.
    c->legend()->markers(band_).first()->setVisible(false);
    c->legend()->markers(cursor_).first()->setVisible(false);
    connect(c, &QChart::plotAreaChanged, this, [this] {
        keepRoomAboveTopLevel();
        placeLevelLabels();
        fitLegendNames();
    });
}

void LearningCurveChart::fitLegendNames()
{
    const QStringList wordings = images_ ? QStringList{QStringLiteral("SGD on images (test error), mean ± s.e.m."),
                                                       QStringLiteral("SGD (test error), mean ± s.e.m."),
                                                       QStringLiteral("SGD, test error")}
                                         : QStringList{QStringLiteral("SGD, mean ± s.e.m."), QStringLiteral("SGD")};
    QString name = wordings.front();
    if (!style_.page) {
        // On screen the longest wording the legend's line holds beside the other entries (FashionMNIST at 1024×768
        // read "SGD on images (test err..."); a page's legend is wrapped by PageFit instead.
        QStringList others;
        for (QLegendMarker* m : chart()->legend()->markers()) {
            const auto* xy = qobject_cast<const QXYSeries*>(m->series());
            if (xy && xy != sgd_ && xy != cursor_ && xy->count() > 0 && !m->label().isEmpty())
                others << m->label();
        }
        const QMargins margins = chart()->margins();
        const double room = chart()->size().width() - margins.left() - margins.right() - 16;
        const QFont font = chart()->legend()->font();
        for (const QString& w : wordings) {
            name = w;
            if (legendRowWidth(font, QStringList(others) << w) <= room)
                break;
        }
    }
    if (sgd_->name() != name)
        sgd_->setName(name);
}

LearningCurveChart::~LearningCurveChart()
{
    // The error axis not in use is not owned by the chart.
    delete (logError_ ? static_cast<QAbstractAxis*>(epsLinearAxis_) : epsLogAxis_);
}

QAbstractAxis* LearningCurveChart::errorAxis() const
{
    return logError_ ? static_cast<QAbstractAxis*>(epsLogAxis_) : epsLinearAxis_;
}

void LearningCurveChart::setLogError(bool log)
{
    if (log == logError_)
        return;
    QChart* c = chart();
    c->removeAxis(errorAxis());
    logError_ = log;
    c->addAxis(errorAxis(), Qt::AlignLeft);
    for (QAbstractSeries* s : c->series())
        s->attachAxis(errorAxis());
    applyChartTheme(c, style_);  // the axis now shown has the colours of the one it replaces
    epsLogAxis_->findChild<DecadeLabels*>()->place();
}

QList<QPointF> LearningCurveChart::spacedMarkers(const QList<QPointF>& points, int width, qreal markerSize) const
{
    return spaceMarkersLogX(points, timeRange_.first, timeRange_.second, width, 1.5 * markerSize);
}

void LearningCurveChart::refresh(const aedyn::RunResults& store)
{
    const aedyn::RunSetup& setup = store.setup();
    QChart* c = chart();
    const int width = static_cast<int>(c->plotArea().width());
    if (setup.times.size() >= 2)
        timeRange_ = {setup.times[1], setup.times.back()};  // the time axis's range (updateRanges)

    // PCA levels: dashed grey lines across the whole time range, labelled at the right edge. Every rank 0..K for a
    // few units; for many units (images) ranks 0–3 and K, since dozens of close lines would read as a grey band.
    std::vector<int> ranks;
    const int K = static_cast<int>(setup.pcaErrors.size()) - 1;
    for (int m = 0; m <= K; ++m)
        if (K <= 5 || m <= 3 || m == K)
            ranks.push_back(m);
    while (levels_.size() < static_cast<qsizetype>(ranks.size())) {
        auto* s = new QLineSeries;
        c->addSeries(s);
        s->attachAxis(tAxis_);
        s->attachAxis(errorAxis());
        c->legend()->markers(s).first()->setVisible(false);
        levels_.append(s);
        auto* label = new LevelLabel(c);
        label->setZValue(kLevelLabelZ);
        levelLabels_.append(label);
        levelWordings_.append(QStringList());
    }
    while (levels_.size() > static_cast<qsizetype>(ranks.size())) {
        c->removeSeries(levels_.last());
        delete levels_.takeLast();
        delete levelLabels_.takeLast();
        levelWordings_.removeLast();
    }
    const double tLast = setup.times.empty() ? 1.0 : setup.times.back();
    const double tFirst = setup.times.size() > 1 ? setup.times[1] : tLast / 10;
    for (qsizetype i = 0; i < levels_.size(); ++i) {
        const double level = setup.pcaErrors[ranks[i]];
        levels_[i]->setPen(QPen(style_.reference(), style_.pen(1.0), Qt::DashLine));
        replaceIfChanged(levels_[i], drawable(tFirst, level) ? QList<QPointF>{{tFirst, level}, {tLast, level}} : QList<QPointF>{});
        levelLabels_[i]->setBrush(style_.reference(130));
        QColor ground = style_.paper();
        ground.setAlphaF(0.85);
        static_cast<LevelLabel*>(levelLabels_[i])->setGround(ground);
        // The level's value beside its rank, so that a plateau can be read off against it; where that would cover
        // the curve, the rank alone. A narrow plot (an exported single-column figure) gets the short forms.
        const QString value = QString::number(level, 'g', 3);
        levelWordings_[i] = width < 400 ? QStringList{QStringLiteral("PCA %1: %2").arg(ranks[i]).arg(value),
                                                      QStringLiteral("PCA %1").arg(ranks[i])}
                                        : QStringList{QStringLiteral("PCA rank %1: ε = %2").arg(ranks[i]).arg(value),
                                                      QStringLiteral("PCA rank %1").arg(ranks[i])};
    }

    // The numbers come from the same series the CSV export writes.
    QList<QPointF> ode, sgd, upper, lower;
    sgdSem_.clear();
    std::vector<const aedyn::Series*> runs;
    const std::vector<aedyn::Series> series = aedyn::learningSeries(store, showRuns_);
    for (const aedyn::Series& s : series) {
        if (s.route == "ode") {
            for (std::size_t i = 0; i < s.t.size(); ++i)
                ode.append({s.t[i], s.y[i]});
        } else if (s.run == "mean") {
            for (std::size_t i = 0; i < s.t.size(); ++i) {
                sgd.append({s.t[i], s.y[i]});
                sgdSem_.append(s.sem[i]);
                upper.append({s.t[i], s.y[i] + s.sem[i]});
                // On a log axis the band stops at half the mean rather than at zero or below.
                lower.append({s.t[i], std::max(s.y[i] - s.sem[i], logError_ ? s.y[i] * 0.5 : 0.0)});
            }
        } else {
            runs.push_back(&s);
        }
    }
    // Individual runs: small faded markers, one series per run.
    while (runs_.size() < static_cast<qsizetype>(runs.size())) {
        auto* s = new QScatterSeries;
        s->setMarkerSize(3);
        c->addSeries(s);
        s->attachAxis(tAxis_);
        s->attachAxis(errorAxis());
        c->legend()->markers(s).first()->setVisible(false);
        runs_.append(s);
    }
    const QColor simColour = store.simulationStale ? style_.reference() : style_.unit(1);
    for (qsizetype r = 0; r < runs_.size(); ++r) {
        QList<QPointF> points;
        for (std::size_t i = 0; r < static_cast<qsizetype>(runs.size()) && i < runs[r]->t.size(); ++i)
            points.append({runs[r]->t[i], runs[r]->y[i]});
        QColor faded = simColour;
        faded.setAlphaF(0.35);
        runs_[r]->setColor(faded);
        runs_[r]->setBorderColor(faded);
        replaceIfChanged(runs_[r], decimateLogX(points, width));
    }
    odeAll_ = ode;
    sgdAll_ = sgd;
    updatePins(width);
    replaceIfChanged(ode_, decimateLogX(ode, width));
    // Markers one and a half widths apart, so that a narrow figure shows markers, not a band, and none overlap.
    replaceIfChanged(sgd_, spacedMarkers(sgd, width, sgd_->markerSize()));
    replaceIfChanged(bandUpper_, decimateLogX(upper, width));
    replaceIfChanged(bandLower_, decimateLogX(lower, width));

    // Curves of parameters that have since changed stay drawn, in grey, until the new ones arrive.
    // Hollow markers: Qt Charts draws scatter series above lines, and the ODE line must show through.
    sgd_->setColor(Qt::transparent);
    sgd_->setPen(QPen(simColour, style_.pen(1.5)));
    QColor bandColour = simColour;
    bandColour.setAlphaF(0.2);
    band_->setBrush(bandColour);
    ode_->setPen(QPen(store.theoryStale ? style_.reference() : style_.ink(), style_.pen(2.0)));
    // A column's legend has no room for the parenthesis; "untied" alone says whose theory the line is.
    ode_->setName(!setup.theoryIsUntiedComparison ? QStringLiteral("ODE theory")
                  : style_.page                   ? QStringLiteral("ODE of untied weights")
                                                  : QStringLiteral("ODE of untied weights (tied have none)"));
    images_ = setup.imageRows > 0;
    fitLegendNames();
    // A route is named only where it is drawn: a run with --no-ode has no theory line, one with --no-sgd no markers.
    for (QXYSeries* s : std::initializer_list<QXYSeries*>{ode_, sgd_}) {
        QLegendMarker* marker = c->legend()->markers(s).first();
        if (marker->isVisible() != !s->points().isEmpty()) {
            marker->setVisible(!s->points().isEmpty());
            // A marker shown again keeps no room in a legend already laid out: lay it out anew.
            c->legend()->layout()->invalidate();
        }
    }
    updateRanges(store);
    placeLevelLabels();
    // The time cursor: across the whole error range, so that it reads as "now" against every curve.
    const auto [lo, hi] = logError_ ? std::pair{epsLogAxis_->min(), epsLogAxis_->max()}
                                    : std::pair{epsLinearAxis_->min(), epsLinearAxis_->max()};
    cursor_->setPen(QPen(style_.reference(150), style_.pen(1.5), Qt::DotLine));
    cursor_->replace(store.cursor && *store.cursor > 0 ? QList<QPointF>{{*store.cursor, lo}, {*store.cursor, hi}}
                                                       : QList<QPointF>{});
}

void LearningCurveChart::setChartStyle(const ChartStyle& style)
{
    DashboardChart::setChartStyle(style);
    // Markers grow with the lines: in lecture mode a 6 px marker hid under the theory's 4 px line, and the class saw
    // no simulation at all. (A printed figure scales its markers itself, in proportion to its type.)
    sgd_->setMarkerSize(style.pen(kMarkerSize));
    for (QScatterSeries* markers : pinSimulation_)
        markers->setMarkerSize(style.pen(kMarkerSize));
}

void LearningCurveChart::updatePins(int width)
{
    QChart* c = chart();
    while (pinTheory_.size() < pins_.size()) {
        auto* line = new QLineSeries;
        auto* markers = new QScatterSeries;
        markers->setMarkerSize(style_.pen(kMarkerSize));
        for (QXYSeries* s : std::initializer_list<QXYSeries*>{line, markers}) {
            c->addSeries(s);
            s->attachAxis(tAxis_);
            s->attachAxis(errorAxis());
        }
        c->legend()->markers(markers).first()->setVisible(false);
        pinTheory_.append(line);
        pinSimulation_.append(markers);
    }
    while (pinTheory_.size() > pins_.size()) {
        c->removeSeries(pinTheory_.last());
        c->removeSeries(pinSimulation_.last());
        delete pinTheory_.takeLast();
        delete pinSimulation_.takeLast();
    }
    // design.md: pinned runs in the same style at 35 % opacity; a dash pattern and a marker shape of its own tell a
    // pin from the current run (drawn solid, with squares) and from other pins, in grey print too.
    // Patterns short enough (in pen widths) to show in a legend's short line, where Qt's dash looks solid.
    static const QList<qreal> dashes[] = {{3, 2}, {1, 2}, {3, 2, 1, 2}, {5, 2, 1, 2, 1, 2}};
    static const QScatterSeries::MarkerShape shapes[] = {
        QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeCircle,
        QScatterSeries::MarkerShapeRotatedRectangle, QScatterSeries::MarkerShapePentagon};
    QColor theory = style_.ink(), simulation = style_.unit(1);
    theory.setAlphaF(0.35);
    simulation.setAlphaF(0.35);
    for (qsizetype i = 0; i < pins_.size(); ++i) {
        QPen pen(theory, style_.pen(2.0));
        pen.setDashPattern(dashes[i % 4]);
        pinTheory_[i]->setPen(pen);
        pinTheory_[i]->setName(QStringLiteral("kept: ") + pins_[i].label);
        replaceIfChanged(pinTheory_[i], decimateLogX(pins_[i].theory, width));
        pinSimulation_[i]->setMarkerShape(shapes[i % 4]);
        pinSimulation_[i]->setColor(Qt::transparent);
        pinSimulation_[i]->setPen(QPen(simulation, style_.pen(1.2)));
        // Markers apart, as the current run's, so that their shape can be seen.
        replaceIfChanged(pinSimulation_[i], spacedMarkers(pins_[i].simulation, width, pinSimulation_[i]->markerSize()));
    }
}

void LearningCurveChart::updateRanges(const aedyn::RunResults& store)
{
    const aedyn::RunSetup& setup = store.setup();
    if (setup.times.size() < 2)
        return;
    tAxis_->setRange(setup.times[1], setup.times.back());
    double lo = 1e300, hi = 0;
    auto include = [&](double y) {
        if (y > 0 && std::isfinite(y)) {
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
    };
    for (double p : setup.pcaErrors)
        include(p);
    for (const auto& o : store.theory())
        if (o)
            include(o->eps);
    for (const auto& p : store.simulation())
        if (p)
            include(p->eps);
    for (const PinnedCurve& pin : pins_)
        for (const QList<QPointF>* curve : {&pin.theory, &pin.simulation})
            for (const QPointF& q : *curve)
                include(q.y());
    if (hi <= 0)
        return;
    // Each axis is set once, room for the top level's label included: set and then raised, every refresh of a run
    // would change the range twice and repaint the whole chart.
    if (logError_) {
        const auto [min, max] = logRange(lo, hi);
        epsLogAxis_->setRange(min, std::max(max, topForLabel(min)));
    } else {
        // ε ≤ 1/2 for normalised inputs: the axis ends just above the largest value, on a multiple of 0.05, not at 1.
        setLinearTop(std::max(hi * 1.02, topForLabel(0)));
    }
}

void LearningCurveChart::setLinearTop(double value)
{
    const double top = std::ceil(value * 20.0) / 20.0;
    const int steps = static_cast<int>(std::lround(top / 0.05));
    epsLinearAxis_->setRange(0, top);
    epsLinearAxis_->setTickCount(steps <= 10 ? steps + 1 : steps % 2 == 0 ? steps / 2 + 1 : 6);
}

double LearningCurveChart::topForLabel(double axisMin) const
{
    // The highest PCA level (ε_PCA(0), the untrained network's) keeps a label's height of plot above it, so that its
    // label can sit above the line: below it, the first plateau's markers ran through it (figure 4a, one column), or
    // the next level's line left it no room at all (figure 5d).
    if (levels_.isEmpty() || levels_.first()->points().isEmpty())
        return 0;
    const double level = levels_.first()->points().first().y();
    QGraphicsSimpleTextItem probe(QStringLiteral("PCA 0"));
    probe.setFont(tAxis_->labelsFont());
    const double plotHeight = chart()->plotArea().height();
    const double share = plotHeight > 0 ? (probe.boundingRect().height() + 2) / plotHeight : 1.0;
    if (!(level > 0) || !std::isfinite(level) || share >= 0.5)
        return 0;
    if (!logError_)
        return level / (1 - share);
    // log max − log level ≥ share · (log max − log min), solved for max.
    return std::pow(10.0, (std::log10(level) - share * std::log10(axisMin)) / (1 - share));
}

void LearningCurveChart::keepRoomAboveTopLevel()
{
    // After a layout that changed the plot's height (a page's legend goes under the plot after the refresh). The
    // axis only ever grows here, so this settles.
    if (logError_) {
        if (const double top = topForLabel(epsLogAxis_->min()); top > epsLogAxis_->max() * (1 + 1e-9))
            epsLogAxis_->setMax(top);
    } else if (const double top = topForLabel(0); top > epsLinearAxis_->max() + 1e-12) {
        setLinearTop(top);
    }
}

void LearningCurveChart::placeLevelLabels()
{
    const QRectF area = chart()->plotArea();
    // What a label must not hide, in the chart's coordinates: the theory lines (as segments, so that a steep drop
    // between two decimated points counts), the simulation markers (as their squares) and the other levels' lines.
    QList<QPolygonF> lines;
    auto addLine = [&](QXYSeries* s) {
        if (!s->isVisible())
            return;
        QPolygonF line;
        for (const QPointF& p : s->points())
            if (p.x() > 0 && p.y() > 0)
                line << chart()->mapToPosition(p, s);
        lines << line;
    };
    addLine(ode_);
    for (QLineSeries* pin : std::as_const(pinTheory_))
        addLine(pin);
    QList<QRectF> markers;
    if (sgd_->isVisible())
        for (const QPointF& p : sgd_->points())
            if (p.x() > 0 && p.y() > 0) {
                const qreal r = sgd_->markerSize() / 2;
                markers << QRectF(chart()->mapToPosition(p, sgd_) - QPointF(r, r), QSizeF(2 * r, 2 * r));
            }
    QList<qreal> levelYs;
    for (QLineSeries* level : std::as_const(levels_))
        levelYs << (level->points().isEmpty() ? -1.0 : chart()->mapToPosition(level->points().first(), level).y());

    // How much of the drawing a box would hide: segments of curves crossing it and markers under it. Only the segments and markers that
    // reach the band of a level's candidate boxes are tried (this runs at every repaint of a run).
    QList<std::pair<QPointF, QPointF>> nearSegments;
    QList<QRectF> nearMarkers;
    auto collectNear = [&](qreal top, qreal bottom) {
        nearSegments.clear();
        nearMarkers.clear();
        for (const QPolygonF& line : std::as_const(lines))
            for (qsizetype i = 0; i + 1 < line.size(); ++i)
                if (std::max(line[i].y(), line[i + 1].y()) >= top && std::min(line[i].y(), line[i + 1].y()) <= bottom)
                    nearSegments.append({line[i], line[i + 1]});
        for (const QRectF& r : std::as_const(markers))
            if (r.bottom() >= top && r.top() <= bottom)
                nearMarkers << r;
    };
    auto hidden = [&](const QRectF& box) {
        qsizetype n = std::count_if(nearSegments.begin(), nearSegments.end(),
                                    [&](const auto& s) { return segmentCrossesBox(s.first, s.second, box); });
        n += std::count_if(nearMarkers.begin(), nearMarkers.end(), [&](const QRectF& r) { return r.intersects(box); });
        return n;
    };
    // Another level's line through a label strikes it out and leaves the reader unsure which line it names.
    auto acrossLevel = [&](const QRectF& box, qsizetype self) {
        for (qsizetype j = 0; j < levelYs.size(); ++j)
            if (j != self && levelYs[j] > box.top() && levelYs[j] < box.bottom())
                return true;
        return false;
    };

    QList<QRectF> placed;
    for (qsizetype m = 0; m < levels_.size(); ++m) {
        QGraphicsSimpleTextItem* label = levelLabels_[m];
        const qreal y = levelYs[m];
        if (levels_[m]->points().isEmpty() || y < area.top() || y > area.bottom()) {
            label->setVisible(false);
            continue;
        }
        const QFont font = tAxis_->labelsFont();  // follows the chart's type size (lecture mode)
        if (label->font() != font)
            label->setFont(font);
        wordingProbe_.setFont(font);
        const qreal reach = 2 * QFontMetricsF(font).height();
        collectNear(y - reach, y + reach);
        // Above the line at the right edge (where a converged curve has moved below it), else at the left edge
        // (where the curve is still on its first plateau, above it), else below; then along the line between the
        // edges. The first wording and place that hide nothing win, the one hiding least otherwise; a label that
        // would overprint another label or lie across another level is left out.
        std::optional<QRectF> best;
        QString bestText;
        qsizetype bestHidden = 0;
        for (const QString& text : levelWordings_[m]) {
            wordingProbe_.setText(text);
            const QSizeF size = wordingProbe_.boundingRect().size();
            const qreal left = area.left() + 4, right = area.right() - size.width() - 4;
            QList<qreal> xs{right, left};
            for (const double f : {0.5, 0.75, 0.25, 0.875, 0.625, 0.375, 0.125})
                xs << left + f * (right - left);
            QList<QRectF> candidates;
            for (const qreal x : std::as_const(xs))
                for (const qreal top : {y - size.height(), y + 1})
                    candidates << QRectF(QPointF(x, top), size);
            for (const QRectF& box : std::as_const(candidates)) {
                if (!area.contains(box) || acrossLevel(box, m)
                    || std::any_of(placed.begin(), placed.end(), [&](const QRectF& other) { return other.intersects(box); }))
                    continue;
                const qsizetype n = hidden(box);
                if (!best || n < bestHidden) {
                    best = box;
                    bestText = text;
                    bestHidden = n;
                }
                if (n == 0)
                    break;
            }
            if (best && bestHidden == 0)
                break;
        }
        label->setVisible(best.has_value());
        if (best) {
            if (label->text() != bestText)
                label->setText(bestText);
            label->setPos(best->topLeft());
            placed << *best;
        }
    }
}

QList<QRectF> LearningCurveChart::levelLabelBoxes() const
{
    QList<QRectF> boxes;
    for (const QGraphicsSimpleTextItem* label : levelLabels_)
        if (label->isVisible())
            boxes << QRectF(label->pos(), label->boundingRect().size());
    return boxes;
}

QStringList LearningCurveChart::levelLabelTexts() const
{
    QStringList texts;
    for (const QGraphicsSimpleTextItem* label : levelLabels_)
        if (label->isVisible())
            texts << label->text();
    return texts;
}

QList<QPointF> LearningCurveChart::theoryPoints() const { return ode_->points(); }
QList<QPointF> LearningCurveChart::simulationPoints() const { return sgd_->points(); }

QList<QPointF> LearningCurveChart::cursorPoints() const { return cursor_->points(); }

namespace {

// The index of the point nearest to t on a log time axis, or -1.
qsizetype nearestInLogTime(const QList<QPointF>& points, double t)
{
    qsizetype best = -1;
    double distance = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const double d = std::abs(std::log(points[i].x() / t));
        if (best < 0 || d < distance) {
            best = i;
            distance = d;
        }
    }
    return best;
}

QString number(double x) { return QString::number(x, 'g', 4).replace(QLatin1Char('-'), QStringLiteral("−")); }

} // namespace

void LearningCurveChart::mouseMoveEvent(QMouseEvent* event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF scene = mapToScene(event->position().toPoint());
    const QPointF value = chart()->mapToValue(chart()->mapFromScene(scene), ode_);
    QStringList parts;
    if (chart()->plotArea().contains(chart()->mapFromScene(scene)) && value.x() > 0) {
        parts << QStringLiteral("t = %1").arg(number(value.x()));
        if (const qsizetype i = nearestInLogTime(odeAll_, value.x()); i >= 0)
            parts << QStringLiteral("ODE ε(%1) = %2").arg(number(odeAll_[i].x()), number(odeAll_[i].y()));
        if (const qsizetype i = nearestInLogTime(sgdAll_, value.x()); i >= 0)
            parts << QStringLiteral("SGD ε(%1) = %2 ± %3")
                         .arg(number(sgdAll_[i].x()), number(sgdAll_[i].y()), number(sgdSem_.value(i)));
    }
    readOut_ = parts.join(QStringLiteral("\n"));
    if (readOut_.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), readOut_, this);
}

void LearningCurveChart::leaveEvent(QEvent* event)
{
    readOut_.clear();
    QToolTip::hideText();
    QChartView::leaveEvent(event);
}

bool LearningCurveChart::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && !readOut_.isEmpty()) {
        QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), readOut_, this);
        return true;
    }
    return QChartView::viewportEvent(event);
}
