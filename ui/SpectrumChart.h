#pragma once
// The spectrum of the input covariance, ρ_τ/D against τ on log-log axes: the tracked eigenvalues (spikes) as
// coloured markers, the degenerate bulk as a grey level with its multiplicity.
#include "DashboardChart.h"
#include "RunResults.h"

#include <QChartView>

class QLineSeries;
class QLogValueAxis;
class QScatterSeries;

class SpectrumChart : public QChartView, public DashboardChart {
    Q_OBJECT
public:
    explicit SpectrumChart(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store) override;

private:
    QLogValueAxis* tauAxis_;
    QLogValueAxis* rhoAxis_;
    QScatterSeries* spikes_;
    QLineSeries* bulk_;
};
