#pragma once
// Each unit's weight vector over the input index, from the first SGD run, with the component along its
// best-matching eigenvector overlaid dashed: with sinusoidal spike rows (figure 5) a unit that has learnt an
// eigenvector draws it. Decoder vectors are shown by default because their bulk part decays, while a randomly
// initialised encoder keeps its bulk noise for times of order D (theory.md §3.10).
#include "DashboardChart.h"
#include "RunResults.h"

#include <QWidget>

class QChart;
class QComboBox;
class QLineSeries;
class QValueAxis;

class WeightVectorChart : public QWidget, public DashboardChart {
    Q_OBJECT
public:
    explicit WeightVectorChart(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store) override;

private:
    QChart* chart_;
    QValueAxis* indexAxis_;
    QValueAxis* valueAxis_;
    QComboBox* which_;
    QList<QLineSeries*> weights_, matches_;
    const aedyn::RunResults* store_ = nullptr;
    quint64 drawnVersion_ = ~quint64(0);  // the weights already drawn, with the selection below
    int drawnSelection_ = -1;
    bool drawnStale_ = false;
};
