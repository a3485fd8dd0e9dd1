#pragma once
// Chart 3 of the dashboard, what the units have learnt: each unit's encoder in the eigenbasis (EigenbasisChart), or
// the weight vectors of the first SGD run over the input index with their best-matching eigenvectors overlaid
// (WeightVectorChart) — or, for real images, eigen-images, units and reconstructions drawn as images (ImageViews) —
// beside the K×M maps of overlaps with the eigenvectors for theory and simulation (OverlapMap). A small chooser
// (a control, left out of figures) picks the view; by default the data decide: the input index where the
// eigenvectors have a shape (sinusoidal spike rows, images), the eigenbasis where the input index shows noise
// (random spike rows) or is itself the eigenbasis (power-law spectra).
#include "DashboardChart.h"
#include <QWidget>

class EigenbasisChart;
class ImageViews;
class OverlapMap;
class QComboBox;
class QStackedWidget;
class WeightVectorChart;

class EncoderWeightsChart : public QWidget, public DashboardChart {
    Q_OBJECT
public:
    enum class View { ByData, Eigenbasis, InputIndex };  // the chooser's entries, in its order

    explicit EncoderWeightsChart(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store) override;
    void setChartStyle(const ChartStyle& style) override;
    // Figures for export: weight vectors and image tiles painted at once, on the calling thread.
    void paintAtOnce();
    void setView(View v);
    View view() const;

    OverlapMap* overlaps() const { return overlaps_; }
    WeightVectorChart* vectors() const { return vectors_; }
    EigenbasisChart* eigenbasis() const { return eigenbasis_; }
    ImageViews* images() const { return images_; }
    bool showsImages() const;

private:
    void arrange();

    bool lecture_ = false;
    QWidget* chooser_;  // the view's chooser and its label
    QComboBox* view_;
    QStackedWidget* stack_;
    WeightVectorChart* vectors_;
    EigenbasisChart* eigenbasis_;
    ImageViews* images_;
    OverlapMap* overlaps_;
    const aedyn::RunResults* store_ = nullptr;
};
