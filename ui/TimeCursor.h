#pragma once
// One time for every panel: a slider over the grid times that have data, its time written beside it, and a replay
// that steps it through a finished run at a chosen speed. At the right end it follows the latest point (the
// default, and what a running simulation shows); anywhere else the overlap map shows theory and simulation at
// that time and the learning curve marks it.
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

class TimeCursor : public QWidget {
    Q_OBJECT
public:
    explicit TimeCursor(QWidget* parent = nullptr);

    // The grid times that have data, increasing. A cursor that follows stays at the end; a fixed one keeps its
    // time (the nearest grid time at or below it).
    void setTimes(const std::vector<double>& times);
    // Empty while it follows the latest point.
    std::optional<double> time() const { return time_; }
    void setTime(std::optional<double> t);
    bool replaying() const;
    void replay(bool on);
    // Grid points per second of replay (24 points make a decade).
    double replayRate() const;

signals:
    void timeChanged();
    void replayingChanged(bool replaying);

protected:
    void changeEvent(QEvent* event) override;

private:
    void holdLabelWidth();
    void moved(int index);
    void step();
    void showTime();

    QSlider* slider_;
    QLabel* label_;
    QToolButton* replay_;
    QComboBox* speed_;
    QTimer* timer_;
    std::vector<double> times_;
    std::optional<double> time_;
};
