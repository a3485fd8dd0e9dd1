#include "EncoderWeightsChart.h"

#include "RunResults.h"
#include "ImageViews.h"
#include "OverlapMap.h"
#include "WeightVectorChart.h"

#include <QHBoxLayout>
#include <QStackedWidget>

EncoderWeightsChart::EncoderWeightsChart(QWidget* parent)
    : QWidget(parent)
    , stack_(new QStackedWidget)
    , vectors_(new WeightVectorChart)
    , images_(new ImageViews)
    , overlaps_(new OverlapMap)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    stack_->addWidget(vectors_);
    stack_->addWidget(images_);
    layout->addWidget(stack_, 3);
    layout->addWidget(overlaps_, 2);
}

void EncoderWeightsChart::paintAtOnce()
{
    vectors_->paintAtOnce();
    images_->paintAtOnce();
}

bool EncoderWeightsChart::showsImages() const { return stack_->currentWidget() == images_; }

void EncoderWeightsChart::setChartStyle(const ChartStyle& style)
{
    DashboardChart::setChartStyle(style);
    vectors_->setChartStyle(style);
    // On a printed page the overlap map gets half the width: its numbers need cells, the weights only a trace.
    auto* split = static_cast<QHBoxLayout*>(layout());
    split->setStretch(0, style.page ? 1 : 3);
    split->setStretch(1, style.page ? 1 : 2);
    lecture_ = style.fontPoints > 0;
    arrange();
}

void EncoderWeightsChart::arrange()
{
    // In front of a class one view of what was learnt, large: the images where there are images, else the overlap
    // map (weights over the input index of random spike directions look like noise from the back of a room).
    const bool images = showsImages();
    stack_->setVisible(!lecture_ || images);
    overlaps_->setVisible(!lecture_ || !images);
}

void EncoderWeightsChart::refresh(const aedyn::RunResults& store)
{
    // Pixels are best seen as images; other inputs as curves over the input index.
    if (store.setup().imageRows > 0) {
        stack_->setCurrentWidget(images_);
        images_->refresh(store);
    } else {
        stack_->setCurrentWidget(vectors_);
        vectors_->refresh(store);
    }
    overlaps_->refresh(store);
    arrange();
}
