#include "SweepPlot.h"

#include "ChartStyle.h"
#include "ColourBar.h"
#include "Decimation.h"
#include "ParameterSchema.h"
#include "SweepHeatmap.h"

#include <QBoxLayout>
#include <QChartView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

namespace {

using Kind = aedyn::SweepQuantity::Kind;

// Errors, times and the SGD–ODE gap span decades: drawn on log scales (only their positive values). Slopes and overlaps are linear.
bool logQuantity(const aedyn::SweepQuantity& q)
{
    return q.kind == Kind::EpsFinal || q.kind == Kind::EpsAt || q.kind == Kind::Escape || q.kind == Kind::Gap;
}

bool numericKey(const std::string& key)
{
    const aedyn::ParameterType t = aedyn::parameterSpec(key).type;
    return t == aedyn::ParameterType::Integer || t == aedyn::ParameterType::Real;
}

// Every route the quantity needs has reported at the point (it may have failed there).
bool arrived(const aedyn::SweepResults& r, std::size_t i, const aedyn::SweepQuantity& q, const std::string& route)
{
    const auto& c = r.theory(i);
    return c && (c->simulated || (route == "ode" && q.perRoute()));
}

double valueOf(const std::string& text) { return std::stod(text); }

QStringList valueLabels(const aedyn::SweepAxis& a)
{
    QStringList labels;
    for (const std::string& v : a.values)
        labels << QString::fromStdString(v);
    return labels;
}

void setLinearRange(QValueAxis* axis, double lo, double hi)
{
    const double pad = hi > lo ? 0.05 * (hi - lo) : std::max(0.5, 0.1 * std::abs(lo));
    axis->setRange(lo - pad, hi + pad);
    axis->applyNiceNumbers();
}

} // namespace

QString parameterTitle(const std::string& key)
{
    const aedyn::ParameterSpec* s = aedyn::findParameter(key);
    const QString k = QString::fromStdString(key);
    return s && !s->symbol.empty() ? QStringLiteral("%1 (%2)").arg(QString::fromStdString(s->symbol), k) : k;
}

QString quantityTitle(const aedyn::SweepQuantity& q, const std::string& route)
{
    if (route == "sgd" && q.perRoute())
        return quantityTitle(q) + QStringLiteral(" (SGD mean)");
    const QString a = QString::fromStdString(aedyn::shortestNumber(q.value));
    switch (q.kind) {
    case Kind::EpsFinal: return QStringLiteral("final test error ε(t_max)");
    case Kind::EpsAt: return QStringLiteral("test error ε at t = %1").arg(a);
    case Kind::Escape: return QStringLiteral("escape time: first t with ε < %1").arg(a);
    case Kind::CosFinal: return QStringLiteral("final overlap |cos(w_%1, e_%2)|").arg(q.k).arg(q.m);
    case Kind::Slope:
        return QStringLiteral("slope of log ε vs log t over [%1, %2]")
            .arg(a, QString::fromStdString(aedyn::shortestNumber(q.value2)));
    case Kind::Gap:
        return QStringLiteral("mean relative gap |ε_SGD − ε_ODE| / ε_ODE");
    }
    return {};
}

SweepPlot::SweepPlot(QWidget* parent)
    : QWidget(parent)
    , view_(new QChartView)
    , heatmap_(new SweepHeatmap)
    , bar_(new ColourBar)
{
    auto* title = new QLabel;
    title->setObjectName(QStringLiteral("sweepTitle"));
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    view_->setRenderHint(QPainter::Antialiasing);
    view_->chart()->legend()->setAlignment(Qt::AlignTop);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(view_, 1);
    row->addWidget(heatmap_, 1);
    row->addWidget(bar_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(row, 1);
    heatmap_->hide();
    bar_->hide();
}

void SweepPlot::rebuild(const aedyn::SweepResults& results, const SweepView& view)
{
    QChart* c = view_->chart();
    c->removeAllSeries();
    for (QAbstractAxis* a : c->axes()) {
        c->removeAxis(a);
        delete a;
    }
    family_.clear();
    simulation_.clear();
    line_ = nullptr;
    markers_ = missing_ = nullptr;
    drawn_.assign(results.points().size(), false);
    drawnSgd_ = drawn_;
    const auto& axes = results.axes();
    auto* title = findChild<QLabel*>(QStringLiteral("sweepTitle"));
    if (axes.empty()) {
        title->clear();
        view_->hide();
        heatmap_->hide();
        bar_->hide();
        return;
    }
    const bool heat = view.quantity && (axes.size() == 2 || !numericKey(axes[0].key));
    view_->setVisible(!heat);
    heatmap_->setVisible(heat);
    bar_->setVisible(heat || !view.quantity);
    c->legend()->hide();
    if (!view.quantity) {
        title->setText(QStringLiteral("Learning curves ε(t) across %1").arg(parameterTitle(axes[0].key)) +
                       (results.simulates() ? QStringLiteral(" — lines: theory, dots: SGD mean") : QString()));
        auto* t = makeLogAxis(c, QStringLiteral("time t = steps / D"));
        auto* eps = makeLogAxis(c, QStringLiteral("test error ε"));
        c->addAxis(t, Qt::AlignBottom);
        c->addAxis(eps, Qt::AlignLeft);
        const int n = static_cast<int>(results.points().size());
        for (int i = 0; i < n; ++i) {
            auto* s = new QLineSeries;
            s->setPen(QPen(sequentialColour(n > 1 ? double(i) / (n - 1) : 0.5), 1.5));
            c->addSeries(s);
            s->attachAxis(t);
            s->attachAxis(eps);
            family_ << s;
        }
        // After every line, so that the dots of the SGD mean sit on top of the theory curves.
        for (int i = 0; results.simulates() && i < n; ++i) {
            auto* s = new QScatterSeries;
            const QColor colour = sequentialColour(n > 1 ? double(i) / (n - 1) : 0.5);
            s->setColor(colour);
            s->setBorderColor(colour.darker(130));
            s->setMarkerSize(5);
            c->addSeries(s);
            s->attachAxis(t);
            s->attachAxis(eps);
            simulation_ << s;
        }
        bar_->setSteps(valueLabels(axes[0]), parameterTitle(axes[0].key));
        return;
    }
    if (heat) {
        title->setText(axes.size() == 2 ? QStringLiteral("%1 over %2 and %3")
                                              .arg(quantityTitle(*view.quantity, view.route),
                                                   parameterTitle(axes[0].key), parameterTitle(axes[1].key))
                                        : QStringLiteral("%1 across %2")
                                              .arg(quantityTitle(*view.quantity, view.route),
                                                   parameterTitle(axes[0].key)));
        return;
    }
    title->setText(QStringLiteral("%1 against %2").arg(quantityTitle(*view.quantity, view.route), parameterTitle(axes[0].key)));
    const bool logX = view.logAxis.size() > 0 && view.logAxis[0];
    QAbstractAxis* x = logX ? static_cast<QAbstractAxis*>(makeLogAxis(c, parameterTitle(axes[0].key))) : new QValueAxis;
    x->setTitleText(parameterTitle(axes[0].key));
    const QString yTitle = quantityTitle(*view.quantity, view.route);
    QAbstractAxis* y = logQuantity(*view.quantity) ? static_cast<QAbstractAxis*>(makeLogAxis(c, yTitle))
                                                   : new QValueAxis;
    y->setTitleText(yTitle);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    line_ = new QLineSeries;
    line_->setPen(QPen(unitColour(0), 1.5));
    markers_ = new QScatterSeries;
    markers_->setColor(unitColour(0));
    markers_->setBorderColor(unitColour(0));
    markers_->setMarkerSize(7);
    missing_ = new QScatterSeries;
    missing_->setName(view.route == "ode" && view.quantity->perRoute()
                          ? QStringLiteral("no value (theory failed or quantity undefined)")
                          : QStringLiteral("no value (a route failed: diverged, or quantity undefined)"));
    missing_->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    missing_->setColor(Qt::white);
    missing_->setBorderColor(referenceGrey());
    missing_->setMarkerSize(8);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{line_, markers_, missing_}) {
        c->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    c->legend()->markers(line_).first()->setVisible(false);
    c->legend()->markers(markers_).first()->setVisible(false);
}

void SweepPlot::refresh(const aedyn::SweepResults& results, const SweepView& view, quint64 sweep)
{
    if (!built_ || sweep != sweep_) {
        rebuild(results, view);
        built_ = true;
        sweep_ = sweep;
    }
    if (results.axes().empty())
        return;
    if (!view.quantity)
        refreshFamily(results);
    else if (heatmap_->isVisibleTo(this))
        refreshHeatmap(results, view);
    else
        refreshLine(results, view);
}

void SweepPlot::refreshFamily(const aedyn::SweepResults& results)
{
    QChart* c = view_->chart();
    const int pixels = std::max(50, static_cast<int>(c->plotArea().width()));
    double tLo = INFINITY, tHi = 0, eLo = INFINITY, eHi = 0;
    for (qsizetype i = 0; i < family_.size(); ++i) {
        // Log axes take only positive, finite values: t = 0 and a failed point's curve are left out.
        QList<QPointF> pts;
        for (const auto& [t, eps] : results.curve(static_cast<std::size_t>(i)))
            if (t > 0 && eps > 0)
                pts.append({t, eps});
        for (const QPointF& p : pts) {
            tLo = std::min(tLo, p.x()), tHi = std::max(tHi, p.x());
            eLo = std::min(eLo, p.y()), eHi = std::max(eHi, p.y());
        }
        if (!drawn_[i] && results.theory(i)) {
            family_[i]->replace(decimateLogX(pts, pixels));
            drawn_[i] = true;
        }
        // The SGD mean at every third grid time (eight a decade): dots that let the theory line show between them.
        if (i < simulation_.size() && !drawnSgd_[i] && results.theory(i) && results.theory(i)->simulated) {
            QList<QPointF> dots;
            int k = 0;
            for (const auto& [t, eps] : results.curve(static_cast<std::size_t>(i), "sgd"))
                if (t > 0 && eps > 0 && k++ % 3 == 0) {
                    dots.append({t, eps});
                    tLo = std::min(tLo, t), tHi = std::max(tHi, t);
                    eLo = std::min(eLo, eps), eHi = std::max(eHi, eps);
                }
            simulation_[i]->replace(dots);
            drawnSgd_[i] = true;
        }
    }
    if (tHi > 0) {
        const auto axes = c->axes();
        qobject_cast<QLogValueAxis*>(axes[0])->setRange(tLo, tHi);
        setLogRange(qobject_cast<QLogValueAxis*>(axes[1]), eLo, eHi);
    }
}

void SweepPlot::refreshLine(const aedyn::SweepResults& results, const SweepView& view)
{
    const aedyn::SweepAxis& axis = results.axes()[0];
    const bool logX = view.logAxis.size() > 0 && view.logAxis[0];
    const bool logY = logQuantity(*view.quantity);
    QList<QPointF> pts;
    QList<double> missingX;
    for (std::size_t i = 0; i < results.points().size(); ++i) {
        const double x = valueOf(axis.values[i]);
        const double y = results.quantity(i, *view.quantity, view.route);
        if (!arrived(results, i, *view.quantity, view.route) || (logX && !(x > 0)))
            continue;
        if (std::isfinite(y) && (!logY || y > 0))
            pts.append({x, y});
        else
            missingX << x;
    }
    line_->replace(pts);
    markers_->replace(pts);
    QChart* c = view_->chart();
    const auto axes = c->axes();
    double xLo = INFINITY, xHi = -INFINITY;
    for (const std::string& v : axis.values)
        xLo = std::min(xLo, valueOf(v)), xHi = std::max(xHi, valueOf(v));
    if (auto* lx = qobject_cast<QLogValueAxis*>(axes[0]))
        setLogRange(lx, xLo, xHi);
    else
        setLinearRange(qobject_cast<QValueAxis*>(axes[0]), xLo, xHi);
    double yLo = INFINITY, yHi = -INFINITY;
    for (const QPointF& p : pts)
        yLo = std::min(yLo, p.y()), yHi = std::max(yHi, p.y());
    if (pts.isEmpty())
        yLo = logY ? 0.1 : 0, yHi = logY ? 1 : 1;
    if (auto* ly = qobject_cast<QLogValueAxis*>(axes[1])) {
        setLogRange(ly, yLo, yHi);
        yLo = ly->min();
    } else {
        auto* vy = qobject_cast<QValueAxis*>(axes[1]);
        setLinearRange(vy, yLo, yHi);
        yLo = vy->min();
    }
    // Points without a value sit on the bottom edge as open squares, named in the legend.
    QList<QPointF> marks;
    for (double x : missingX)
        marks.append({x, yLo});
    missing_->replace(marks);
    c->legend()->setVisible(!marks.isEmpty());
}

void SweepPlot::refreshHeatmap(const aedyn::SweepResults& results, const SweepView& view)
{
    const auto& axes = results.axes();
    SweepHeatmap::Map m;
    m.xTitle = parameterTitle(axes[0].key);
    m.xLabels = valueLabels(axes[0]);
    if (axes.size() == 2) {
        m.yTitle = parameterTitle(axes[1].key);
        m.yLabels = valueLabels(axes[1]);
    } else {
        m.yLabels = QStringList{QString()};
    }
    const bool logScale = logQuantity(*view.quantity);
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < results.points().size(); ++i) {
        const double v = results.quantity(i, *view.quantity, view.route);
        const bool value = std::isfinite(v) && (!logScale || v > 0);
        m.values.push_back(value ? v : NAN);
        m.cells.push_back(!arrived(results, i, *view.quantity, view.route) ? SweepHeatmap::Cell::Pending
                          : value            ? SweepHeatmap::Cell::Value
                                             : SweepHeatmap::Cell::Missing);
        if (value)
            lo = std::min(lo, v), hi = std::max(hi, v);
    }
    if (!(hi >= lo))
        lo = logScale ? 0.1 : 0, hi = 1;
    m.scale = {lo, hi, logScale};
    bar_->setScale(m.scale, quantityTitle(*view.quantity, view.route));
    heatmap_->setMap(std::move(m));
}
