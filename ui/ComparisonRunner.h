#pragma once
// Runs one of the paper's comparisons (core/Comparisons.h) in the main window, step after step: sets the step's
// preset and values, waits for its theory, runs the SGD, keeps the finished run as a pin, and goes on; the last
// step stays the current run. Stop (or a failed run) ends the sequence and says at which step.
#include "Comparisons.h"

#include <QObject>
#include <QString>

#include <utility>
#include <vector>

class MainWindow;

class ComparisonRunner : public QObject {
    Q_OBJECT
public:
    explicit ComparisonRunner(MainWindow* window);

    // `extra` values go on top of every step's (tests use them to make the runs short).
    void start(const aedyn::Comparison& comparison, std::vector<std::pair<std::string, QString>> extra = {});
    bool active() const { return step_ >= 0; }
    // "Figure 4b — …: step 2 of 2 (fig4b-relu-bias)"; empty when idle.
    QString statusText() const;

signals:
    void progressed();
    // The sequence is over: `failure` is empty when every step ran to its end.
    void finished(const QString& failure);

private:
    void beginStep();
    void waitForTheoryThenRun();
    void simulationFinished();
    void end(const QString& failure);

    MainWindow* window_;
    aedyn::Comparison comparison_;
    std::vector<std::pair<std::string, QString>> extra_;
    int step_ = -1;
    bool running_ = false;  // this step's simulation was started by us
};
