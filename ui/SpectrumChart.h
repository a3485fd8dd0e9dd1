#pragma once
// The spectrum of the input covariance, ρ_τ/D against τ on log-log axes: the tracked eigenvalues (spikes) as
// coloured markers, the degenerate bulk as a grey level with its multiplicity.
#include "CurveStore.h"

#include <QChartView>

class QLineSeries;
class QLogValueAxis;
class QScatterSeries;

class SpectrumChart : public QChartView {
    Q_OBJECT
public:
    explicit SpectrumChart(QWidget* parent = nullptr);
    void refresh(const CurveStore& store);

private:
    QLogValueAxis* tauAxis_;
    QLogValueAxis* rhoAxis_;
    QScatterSeries* spikes_;
    QLineSeries* bulk_;
};
