#include "WeightVectorChart.h"

#include "ChartStyle.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace {

// At most about two points per pixel: long vectors are reduced to the minimum and maximum of each bucket.
QList<QPointF> decimated(const Eigen::VectorXd& v, double scale, int width)
{
    QList<QPointF> out;
    const Eigen::Index n = v.size();
    const Eigen::Index bucket = std::max<Eigen::Index>(1, n / std::max(1, width));
    for (Eigen::Index start = 0; start < n; start += bucket) {
        const Eigen::Index len = std::min(bucket, n - start);
        if (len == 1) {
            out.append({double(start), scale * v(start)});
            continue;
        }
        Eigen::Index lo, hi;
        v.segment(start, len).minCoeff(&lo);
        v.segment(start, len).maxCoeff(&hi);
        for (Eigen::Index i : {std::min(lo, hi), std::max(lo, hi)})
            out.append({double(start + i), scale * v(start + i)});
    }
    return out;
}

} // namespace

WeightVectorChart::WeightVectorChart(QWidget* parent)
    : QWidget(parent)
    , indexAxis_(new QValueAxis)
    , valueAxis_(new QValueAxis)
    , which_(new QComboBox)
{
    auto* view = new QChartView;
    view->setRenderHint(QPainter::Antialiasing);
    chart_ = view->chart();
    chart_->setTitle(QStringLiteral("Weights over the input index (first run)"));
    chart_->legend()->setAlignment(Qt::AlignTop);
    indexAxis_->setTitleText(QStringLiteral("input index i"));
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
    layout->addWidget(which_);
    layout->addWidget(view, 1);
}

void WeightVectorChart::refresh(const CurveStore& store)
{
    store_ = &store;
    if (store.firstRunVersion() == drawnVersion_ && which_->currentIndex() == drawnSelection_)
        return;
    drawnVersion_ = store.firstRunVersion();
    drawnSelection_ = which_->currentIndex();
    const auto& w = store.firstRunWeights();
    const Eigen::MatrixXd& E = store.setup().eigenvectors;
    const int K = w ? w->K() : 0;
    while (weights_.size() < K) {
        const int k = static_cast<int>(weights_.size());
        auto* s = new QLineSeries;
        auto* m = new QLineSeries;
        s->setName(QStringLiteral("unit %1").arg(k + 1));
        s->setPen(QPen(unitColour(k), 1.0));
        m->setPen(QPen(unitColour(k).darker(140), 2.0, Qt::DashLine));
        for (QLineSeries* x : {s, m}) {
            chart_->addSeries(x);
            x->attachAxis(indexAxis_);
            x->attachAxis(valueAxis_);
        }
        weights_.append(s);
        matches_.append(m);
    }
    for (qsizetype k = 0; k < weights_.size(); ++k) {
        const bool drawn = k < K && E.rows() == (w ? w->D() : -1);
        weights_[k]->setVisible(drawn);
        matches_[k]->setVisible(drawn);
        // Showing a series shows its legend marker again; the overlays need none.
        chart_->legend()->markers(matches_[k]).first()->setVisible(false);
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
        weights_[k]->replace(decimated(v, scale, width));
        matches_[k]->replace(decimated(proj(best) * E.col(best), scale, width));
        extent = std::max(extent, scale * v.cwiseAbs().maxCoeff());
    }
    indexAxis_->setRange(0, w->D() - 1);
    if (extent > 0)
        valueAxis_->setRange(-1.05 * extent, 1.05 * extent);
}
