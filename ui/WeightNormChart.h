#pragma once
// Encoder and decoder scales of every unit on log-log axes: ‖w_k‖ (solid) and ‖v_k‖/√D (dashed), theory as lines
// and simulation as markers. With one unit it shows the spike projections a = |w·e₁| and c = |v·e₁|/√D instead
// (figure 3). A power law is fitted over a time window the user sets, and its exponents are printed.
#include "CurveStore.h"

#include <QWidget>

class QChart;
class QChartView;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;

class WeightNormChart : public QWidget {
    Q_OBJECT
public:
    explicit WeightNormChart(QWidget* parent = nullptr);
    void refresh(const CurveStore& store);
    QString fitText() const;
    void setFitWindow(double from, double to);

protected:
    // Dragging across the plot with the left button sets the fit window.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void ensureSeries(int K);
    void updateFit();
    void drawWindow();

    QChartView* view_;
    QChart* chart_;
    QLogValueAxis* tAxis_;
    QLogValueAxis* yAxis_;
    QDoubleSpinBox* fitFrom_;
    QDoubleSpinBox* fitTo_;
    QLabel* fitLabel_;
    QList<QLineSeries*> encoderTheory_, decoderTheory_;
    QList<QScatterSeries*> encoderSim_, decoderSim_;
    QList<QLineSeries*> biasTheory_;
    QLineSeries* windowEdges_;  // the fit window, as two vertical lines
    double dragStart_ = 0.0;  // β_k (dotted), when biases are trained (figure 4c)
    const CurveStore* store_ = nullptr;
    bool projections_ = false;
};
