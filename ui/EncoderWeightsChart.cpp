#include "EncoderWeightsChart.h"

#include "OverlapMap.h"
#include "WeightVectorChart.h"

#include <QHBoxLayout>

EncoderWeightsChart::EncoderWeightsChart(QWidget* parent)
    : QWidget(parent)
    , vectors_(new WeightVectorChart)
    , overlaps_(new OverlapMap)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(vectors_, 3);
    layout->addWidget(overlaps_, 2);
}

void EncoderWeightsChart::refresh(const CurveStore& store)
{
    vectors_->refresh(store);
    overlaps_->refresh(store);
}
