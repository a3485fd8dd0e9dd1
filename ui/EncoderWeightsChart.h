#pragma once
// Chart 3 of the dashboard, what the units have learnt: the weight vectors of the first SGD run over the input
// index with their best-matching eigenvectors overlaid (WeightVectorChart) — or, for real images, eigen-images,
// units and reconstructions drawn as images (ImageViews) — and the K×M maps of overlaps with the eigenvectors for
// theory and simulation (OverlapMap).
#include "DashboardChart.h"
#include <QWidget>

class ImageViews;
class OverlapMap;
class QStackedWidget;
class WeightVectorChart;

class EncoderWeightsChart : public QWidget, public DashboardChart {
    Q_OBJECT
public:
    explicit EncoderWeightsChart(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store) override;
    void setChartStyle(const ChartStyle& style) override;
    // Figures for export: weight vectors and image tiles painted at once, on the calling thread.
    void paintAtOnce();

    OverlapMap* overlaps() const { return overlaps_; }
    WeightVectorChart* vectors() const { return vectors_; }
    ImageViews* images() const { return images_; }
    bool showsImages() const;

private:
    void arrange();

    bool lecture_ = false;
    QStackedWidget* stack_;
    WeightVectorChart* vectors_;
    ImageViews* images_;
    OverlapMap* overlaps_;
};
