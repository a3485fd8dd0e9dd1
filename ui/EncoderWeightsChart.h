#pragma once
// Chart 3 of the dashboard, what the units have learnt: the weight vectors of the first SGD run over the input
// index with their best-matching eigenvectors overlaid (WeightVectorChart), and the K×M maps of overlaps with
// the eigenvectors for theory and simulation (OverlapMap).
#include <QWidget>

class CurveStore;
class OverlapMap;
class WeightVectorChart;

class EncoderWeightsChart : public QWidget {
    Q_OBJECT
public:
    explicit EncoderWeightsChart(QWidget* parent = nullptr);
    void refresh(const CurveStore& store);

    OverlapMap* overlaps() const { return overlaps_; }
    WeightVectorChart* vectors() const { return vectors_; }

private:
    WeightVectorChart* vectors_;
    OverlapMap* overlaps_;
};
