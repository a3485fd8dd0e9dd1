#include "WeightVectorChart.h"

#include "ChartSeries.h"
#include "ChartStyle.h"
#include "Decimation.h"
#include "OffThreadPainter.h"
#include "PageFit.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsPixmapItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace {

// What the painter's thread needs, copied: nothing it reads may change under it.
struct CurvesRequest {
    aedyn::RowMatrix units;  // the first units' vectors (rows), not yet scaled
    Eigen::MatrixXd eigenvectors;
    double scale = 1.0;
    QList<QColor> colours;
    double weightWidth = 1.0, matchWidth = 2.0;
    QSize size;  // of the plot area, in device-independent pixels
    qreal pixelRatio = 1.0;
    QRectF range;  // x: the input index, y: the weight
};

struct Curves {
    QImage image;
    double extent = 0.0;  // the largest |weight| drawn
};

// Each unit's vector and, dashed, its component along the eigenvector it overlaps most, at about two points per
// pixel column, in the plot area's coordinates.
Curves paintCurves(const CurvesRequest& r)
{
    Curves out;
    out.image = QImage(r.size * r.pixelRatio, QImage::Format_ARGB32_Premultiplied);
    out.image.setDevicePixelRatio(r.pixelRatio);
    out.image.fill(Qt::transparent);
    QPainter p(&out.image);
    p.setRenderHint(QPainter::Antialiasing);
    const double w = r.size.width(), h = r.size.height();
    auto pixels = [&](const Eigen::VectorXd& v) {
        QList<QPointF> points = decimateVector(v, r.scale, r.size.width());
        for (QPointF& q : points)
            q = {(q.x() - r.range.left()) / r.range.width() * w, (r.range.bottom() - q.y()) / r.range.height() * h};
        return points;
    };
    for (Eigen::Index k = 0; k < r.units.rows(); ++k) {
        const Eigen::VectorXd v = r.units.row(k).transpose();
        const Eigen::VectorXd projections = r.eigenvectors.transpose() * v;
        Eigen::Index best = 0;
        projections.cwiseAbs().maxCoeff(&best);
        out.extent = std::max(out.extent, r.scale * v.cwiseAbs().maxCoeff());
        const QColor& colour = r.colours[k];
        p.setPen(QPen(colour, r.weightWidth));
        p.drawPolyline(pixels(v));
        p.setPen(QPen(colour.darker(140), r.matchWidth, Qt::DashLine));
        p.drawPolyline(pixels(projections(best) * r.eigenvectors.col(best)));
    }
    return out;
}

} // namespace

WeightVectorChart::WeightVectorChart(QWidget* parent)
    : QWidget(parent)
    , indexAxis_(new QValueAxis)
    , valueAxis_(new QValueAxis)
    , which_(new QComboBox)
    , painter_(new OffThreadPainter(this))
{
    auto* view = new QChartView;
    view->setRenderHint(QPainter::Antialiasing);
    chart_ = view->chart();
    chart_->legend()->setAlignment(Qt::AlignTop);
    showTitles(nullptr, false);
    indexAxis_->setLabelFormat(QStringLiteral("%d"));
    valueAxis_->setTitleText(QStringLiteral("weight"));
    valueAxis_->setLabelFormat(QStringLiteral("%g"));  // 0.5, not 0.50: narrow labels leave the axis title its room
    chart_->addAxis(indexAxis_, Qt::AlignBottom);
    chart_->addAxis(valueAxis_, Qt::AlignLeft);
    // Above the grid, inside the plot area; it follows the plot area when the chart is laid out again.
    curves_ = new QGraphicsPixmapItem(chart_);
    curves_->setZValue(100);
    connect(chart_, &QChart::plotAreaChanged, this, [this] {
        curves_->setPos(chart_->plotArea().topLeft());
        if (store_ && chart_->plotArea().size().toSize() != picture_.deviceIndependentSize().toSize())
            requestPicture();
    });
    which_->addItems({QStringLiteral("decoder v_k / √D"), QStringLiteral("encoder w_k")});
    which_->setToolTip(QStringLiteral("Dashed: the component of the vector along its best-matching eigenvector"));
    connect(which_, &QComboBox::currentIndexChanged, this, [this] {
        if (store_)
            refresh(*store_);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* choice = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{new QLabel(QStringLiteral("Vectors:")), which_}) {
        markControl(w);
        choice->addWidget(w);
    }
    choice->addStretch(1);
    layout->addLayout(choice);
    layout->addWidget(view, 1);
}

void WeightVectorChart::setChartStyle(const ChartStyle& style)
{
    DashboardChart::setChartStyle(style);
    drawnVersion_ = ~quint64(0);
}

void WeightVectorChart::paintAtOnce() { painter_->setInline(true); }

void WeightVectorChart::showTitles(const aedyn::RunResults* store, bool inEigenbasis)
{
    // The time of the weights drawn, and when the simulation's time the other panels show was not kept, that time.
    const aedyn::KeptWeights* kept = store ? store->shownWeights() : nullptr;
    const aedyn::Observables* shown = store ? aedyn::shownPoints(*store).simulation : nullptr;
    auto at = [](double t) { return QString::number(t, 'g', 3); };
    QString when;
    if (kept) {
        when = QStringLiteral(", t = %1").arg(at(kept->t));
        if (shown && at(shown->t) != at(kept->t))
            when += QStringLiteral(", the kept time nearest %1").arg(at(shown->t));
    }
    const QString title = QStringLiteral("<b>Weights over the input index</b> (first SGD run%1)").arg(when);
    if (chart_->title() != title) {
        chart_->setTitle(title);
        const QString shortWhen = kept ? QStringLiteral(", t = %1").arg(at(kept->t)) : QString();
        setShortTitle(chart_, {QStringLiteral("<b>Weights</b> (SGD run 1%1)").arg(shortWhen),
                               QStringLiteral("<b>Weights</b>%1").arg(shortWhen), QStringLiteral("<b>Weights</b>")});
    }
    // Power-law inputs are drawn in their eigenbasis: there the input index is the eigen-index.
    const QString index = inEigenbasis ? QStringLiteral("input index i = eigen-index (eigenbasis inputs)")
                                       : QStringLiteral("input index i");
    if (indexAxis_->titleText() != index) {
        indexAxis_->setTitleText(index);
        setShortTitle(indexAxis_, inEigenbasis ? QStringList{QStringLiteral("i = eigen-index"), QStringLiteral("i")}
                                               : QStringList{QStringLiteral("i")});
    }
}

void WeightVectorChart::refresh(const aedyn::RunResults& store)
{
    store_ = &store;
    const aedyn::KeptWeights* kept = store.shownWeights();
    const std::size_t shownIndex = kept ? kept->index : ~std::size_t(0);
    if (store.firstRunVersion() == drawnVersion_ && shownIndex == drawnIndex_ &&
        which_->currentIndex() == drawnSelection_ && store.simulationStale == drawnStale_)
        return;
    drawnVersion_ = store.firstRunVersion();
    drawnIndex_ = shownIndex;
    drawnSelection_ = which_->currentIndex();
    drawnStale_ = store.simulationStale;
    showTitles(&store, store.simulationSetup().inEigenbasis);
    const aedyn::Weights* w = kept ? kept->w.get() : nullptr;
    const Eigen::MatrixXd& E = store.setup().eigenvectors;
    // The first units only: beyond a few, overlaid weight vectors are unreadable.
    const int K = w && E.rows() == w->D() && E.cols() > 0 ? std::min(w->K(), aedyn::kChartUnits) : 0;
    while (legend_.size() < K) {
        auto* s = new QLineSeries;
        s->setName(QStringLiteral("unit %1").arg(legend_.size() + 1));
        chart_->addSeries(s);
        s->attachAxis(indexAxis_);
        s->attachAxis(valueAxis_);
        legend_.append(s);
    }
    for (qsizetype k = 0; k < legend_.size(); ++k) {
        // Weights of parameters that have since changed stay drawn, in grey, until a new run replaces them.
        const QPen pen(store.simulationStale ? style_.reference() : style_.unit(static_cast<int>(k)), style_.pen(1.0));
        // Pens and visibility only when they change: each change makes Qt Charts lay out the legend again.
        if (legend_[k]->pen() != pen)
            legend_[k]->setPen(pen);
        if (legend_[k]->isVisible() != (k < K))
            legend_[k]->setVisible(k < K);
    }
    if (K == 0) {
        picture_ = QImage();
        curves_->setPixmap(QPixmap());
        return;
    }
    // The index axis only when D changes: a new range lays the whole chart out again.
    if (indexAxis_->max() < w->D() - 1 || indexAxis_->max() > 2 * w->D()) {
        indexAxis_->setRange(0, w->D() - 1);
        indexAxis_->applyNiceNumbers();
    }
    requestPicture();
}

void WeightVectorChart::requestPicture()
{
    const aedyn::KeptWeights* kept = store_->shownWeights();
    const aedyn::Weights* w = kept ? kept->w.get() : nullptr;
    const int K = static_cast<int>(std::count_if(legend_.begin(), legend_.end(), [](const QLineSeries* s) {
        return s->isVisible();
    }));
    if (!w || K == 0 || chart_->plotArea().isEmpty())
        return;
    CurvesRequest r;
    const bool decoder = which_->currentIndex() == 0;
    r.units = (decoder ? w->V : w->W).topRows(K);
    r.eigenvectors = store_->setup().eigenvectors;
    r.scale = decoder ? 1.0 / std::sqrt(double(w->D())) : 1.0;
    for (const QLineSeries* s : legend_)
        r.colours << s->pen().color();
    r.weightWidth = style_.pen(1.0);
    r.matchWidth = style_.pen(2.0);
    r.size = chart_->plotArea().size().toSize();
    r.pixelRatio = devicePixelRatioF();
    r.range = QRectF(QPointF(indexAxis_->min(), valueAxis_->min()), QPointF(indexAxis_->max(), valueAxis_->max()));
    painter_->paint([this, r = std::move(r)] {
        Curves c = paintCurves(r);
        return [this, c = std::move(c), range = r.range] {
            // Weights that outgrew the value axis, or shrank to less than half of what it was chosen for, get a new
            // range and a new picture (compared with the extent, not the rounded axis, so that one new range settles).
            if (c.extent > 0 && (rangeExtent_ == 0 || c.extent * 1.05 > valueAxis_->max() || c.extent * 2 < rangeExtent_)) {
                rangeExtent_ = c.extent;
                valueAxis_->setRange(-1.05 * c.extent, 1.05 * c.extent);
                valueAxis_->applyNiceNumbers();
                requestPicture();
                return;
            }
            if (range != QRectF(QPointF(indexAxis_->min(), valueAxis_->min()), QPointF(indexAxis_->max(), valueAxis_->max())))
                return;  // painted for axes that have changed since; a newer picture is on its way
            picture_ = c.image;
            showPicture();
        };
    });
}

void WeightVectorChart::showPicture()
{
    curves_->setPos(chart_->plotArea().topLeft());
    curves_->setPixmap(QPixmap::fromImage(picture_));
}
