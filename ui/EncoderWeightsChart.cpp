#include "EncoderWeightsChart.h"

#include "RunResults.h"
#include "EigenbasisChart.h"
#include "ImageViews.h"
#include "OverlapMap.h"
#include "WeightVectorChart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

EncoderWeightsChart::EncoderWeightsChart(QWidget* parent)
    : QWidget(parent)
    , chooser_(new QWidget)
    , view_(new QComboBox)
    , stack_(new QStackedWidget)
    , vectors_(new WeightVectorChart)
    , eigenbasis_(new EigenbasisChart)
    , images_(new ImageViews)
    , overlaps_(new OverlapMap)
{
    view_->addItems({QStringLiteral("by data"), QStringLiteral("eigenbasis"), QStringLiteral("input index")});
    view_->setToolTip(QStringLiteral(
        "Eigenbasis: each unit's |cos(w_k, e_m)| and the rest outside the leading eigenvectors. Input index: the "
        "weight vectors (for images, as images). By data: the input index where the eigenvectors have a shape "
        "(sinusoidal rows, images), else the eigenbasis."));
    connect(view_, &QComboBox::currentIndexChanged, this, [this] {
        if (store_)
            refresh(*store_);
    });
    auto* choice = new QHBoxLayout(chooser_);
    choice->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{new QLabel(QStringLiteral("View:")), view_}) {
        markControl(w);
        choice->addWidget(w);
    }
    choice->addStretch(1);
    auto* left = new QVBoxLayout;
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(chooser_);
    left->addWidget(stack_, 1);
    eigenbasis_->setUnitLegend(false);
    stack_->addWidget(eigenbasis_);
    stack_->addWidget(vectors_);
    stack_->addWidget(images_);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addWidget(overlaps_, 2);
}

void EncoderWeightsChart::paintAtOnce()
{
    vectors_->paintAtOnce();
    images_->paintAtOnce();
}

void EncoderWeightsChart::setView(View v) { view_->setCurrentIndex(static_cast<int>(v)); }

EncoderWeightsChart::View EncoderWeightsChart::view() const { return static_cast<View>(view_->currentIndex()); }

bool EncoderWeightsChart::showsImages() const { return stack_->currentWidget() == images_; }

void EncoderWeightsChart::setChartStyle(const ChartStyle& style)
{
    DashboardChart::setChartStyle(style);
    vectors_->setChartStyle(style);
    eigenbasis_->setChartStyle(style);
    lecture_ = style.fontPoints > 0;
    arrange();
}

void EncoderWeightsChart::arrange()
{
    // On a printed page the overlap map gets half the width beside the weight vectors (its numbers need cells, the
    // weights only a trace), two fifths beside the eigenbasis view, whose labelled modes need room of their own.
    auto* split = static_cast<QHBoxLayout*>(layout());
    const bool page = chartStyle().page;
    const bool eigenbasis = stack_->currentWidget() == eigenbasis_;
    split->setStretch(0, page ? (eigenbasis ? 3 : 1) : 3);
    split->setStretch(1, page ? (eigenbasis ? 2 : 1) : 2);
    // In front of a class one view of what was learnt, large: the images where there are images, else the overlap
    // map (weights over the input index of random spike directions look like noise from the back of a room).
    const bool images = showsImages();
    stack_->setVisible(!lecture_ || images);
    chooser_->setVisible(!lecture_ || images);
    overlaps_->setVisible(!lecture_ || !images);
    // The hidden half keeps its stretch otherwise: the map stood in two fifths of the panel beside an empty rest.
    if (lecture_)
        split->setStretch(images ? 1 : 0, 0);
}

void EncoderWeightsChart::refresh(const aedyn::RunResults& store)
{
    store_ = &store;
    const aedyn::ExperimentConfig& c = store.setup().config;
    const bool images = store.setup().imageRows > 0;
    // Eigenvectors with a shape read over the input index (pixels as images); random rows would be noise there,
    // and power-law inputs are already in their eigenbasis.
    const bool shaped = images || (c.spectrum == aedyn::SpectrumKind::Spiked && c.rows == aedyn::RowKind::Sinusoidal);
    const View chosen = static_cast<View>(view_->currentIndex());
    const bool inputIndex = chosen == View::InputIndex || (chosen == View::ByData && shaped);
    if (!inputIndex) {
        stack_->setCurrentWidget(eigenbasis_);
        eigenbasis_->refresh(store);
    } else if (images) {
        stack_->setCurrentWidget(images_);
        images_->refresh(store);
    } else {
        stack_->setCurrentWidget(vectors_);
        vectors_->refresh(store);
    }
    overlaps_->refresh(store);
    arrange();
}
