#include "WeightVectorChart.h"

#include "ChartSeries.h"

#include "ChartStyle.h"
#include "Decimation.h"
#include "PageFit.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

WeightVectorChart::WeightVectorChart(QWidget* parent)
    : QWidget(parent)
    , indexAxis_(new QValueAxis)
    , valueAxis_(new QValueAxis)
    , which_(new QComboBox)
{
    auto* view = new QChartView;
    view->setRenderHint(QPainter::Antialiasing);
    chart_ = view->chart();
    chart_->setTitle(QStringLiteral("<b>Weights over the input index</b> (first SGD run)"));
    chart_->legend()->setAlignment(Qt::AlignTop);
    setShortTitle(chart_, {QStringLiteral("<b>Weights</b> (SGD run 1)"), QStringLiteral("<b>Weights</b>")});
    indexAxis_->setTitleText(QStringLiteral("input index i"));
    setShortTitle(indexAxis_, {QStringLiteral("i")});
    indexAxis_->setLabelFormat(QStringLiteral("%d"));
    valueAxis_->setTitleText(QStringLiteral("weight"));
    chart_->addAxis(indexAxis_, Qt::AlignBottom);
    chart_->addAxis(valueAxis_, Qt::AlignLeft);
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

void WeightVectorChart::refresh(const aedyn::RunResults& store)
{
    store_ = &store;
    if (store.firstRunVersion() == drawnVersion_ && which_->currentIndex() == drawnSelection_ &&
        store.simulationStale == drawnStale_)
        return;
    drawnVersion_ = store.firstRunVersion();
    drawnSelection_ = which_->currentIndex();
    drawnStale_ = store.simulationStale;
    const auto& w = store.firstRunWeights();
    const Eigen::MatrixXd& E = store.setup().eigenvectors;
    // The first units only: beyond a few, overlaid weight vectors are unreadable (and K series would be costly).
    const int K = w ? std::min(w->K(), aedyn::kChartUnits) : 0;
    while (weights_.size() < K) {
        const int k = static_cast<int>(weights_.size());
        auto* s = new QLineSeries;
        auto* m = new QLineSeries;
        s->setName(QStringLiteral("unit %1").arg(k + 1));
        for (QLineSeries* x : {s, m}) {
            chart_->addSeries(x);
            x->attachAxis(indexAxis_);
            x->attachAxis(valueAxis_);
        }
        chart_->legend()->markers(m).first()->setVisible(false);  // the best-matching eigenvector needs none
        weights_.append(s);
        matches_.append(m);
    }
    for (qsizetype k = 0; k < weights_.size(); ++k) {
        const bool drawn = k < K && E.rows() == (w ? w->D() : -1);
        // Weights of parameters that have since changed stay drawn, in grey, until a new run replaces them.
        const QColor colour = store.simulationStale ? referenceGrey() : unitColour(static_cast<int>(k));
        // Pens and visibility only when they change: each change makes Qt Charts lay out the legend again.
        const QPen weightPen(colour, style_.pen(1.0)), matchPen(colour.darker(140), style_.pen(2.0), Qt::DashLine);
        if (weights_[k]->pen() != weightPen)
            weights_[k]->setPen(weightPen);
        if (matches_[k]->pen() != matchPen)
            matches_[k]->setPen(matchPen);
        if (weights_[k]->isVisible() != drawn) {
            weights_[k]->setVisible(drawn);
            matches_[k]->setVisible(drawn);
            // Showing a series shows its legend marker again; the overlays need none.
            chart_->legend()->markers(matches_[k]).first()->setVisible(false);
        }
    }
    if (!w || E.rows() != w->D() || E.cols() == 0)
        return;
    const bool decoder = which_->currentIndex() == 0;
    const double scale = decoder ? 1.0 / std::sqrt(double(w->D())) : 1.0;
    const int width = std::max(100, chart_->plotArea().toRect().width());
    double extent = 0;
    for (int k = 0; k < K; ++k) {
        const Eigen::VectorXd v = decoder ? Eigen::VectorXd(w->V.row(k).transpose()) : Eigen::VectorXd(w->W.row(k).transpose());
        Eigen::Index best = 0;
        const Eigen::VectorXd proj = E.transpose() * v;
        proj.cwiseAbs().maxCoeff(&best);
        weights_[k]->replace(decimateVector(v, scale, width));
        matches_[k]->replace(decimateVector(proj(best) * E.col(best), scale, width));
        extent = std::max(extent, scale * v.cwiseAbs().maxCoeff());
    }
    // Axes only when their range changes (a new D, or weights that outgrew the old range): a new range lays the
    // whole chart out again.
    if (indexAxis_->max() < w->D() - 1 || indexAxis_->max() > 2 * w->D()) {
        indexAxis_->setRange(0, w->D() - 1);
        indexAxis_->applyNiceNumbers();
    }
    if (extent > 0 && (extent * 1.05 > valueAxis_->max() || extent * 2 < valueAxis_->max())) {
        valueAxis_->setRange(-1.05 * extent, 1.05 * extent);
        valueAxis_->applyNiceNumbers();
    }
}
