#pragma once
// The parameter panel reduced to what a lecturer needs in front of a class (lecture mode): the preset with its
// caption in large type, Run/Pause and Reset, and only the one or two parameters the preset names as the ones to
// play with. Every value goes through the full ParameterPanel, so validation and theory work as usual.
#include <QWidget>

class ParameterPanel;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

class LectureStrip : public QWidget {
    Q_OBJECT
public:
    explicit LectureStrip(ParameterPanel* panel, QWidget* parent = nullptr);

    // Rebuilds the preset choice, caption and play-with fields from the panel (after a preset change).
    void sync();
    void setRunning(bool running, bool paused);
    // Moves `step` presets along the paper's story (→ +1, ← −1), stopping at either end.
    void stepPreset(int step);
    QStringList fieldKeys() const { return keys_; }
    // The button that cycles the view beside the learning curve: "▸ norms (V)", the view it brings.
    void setViewLabel(const QString& text);
    // The replay button (P) reads what a press does: start a replay of the run, or stop it.
    void setReplaying(bool replaying);
    QString viewLabel() const;

signals:
    void runPauseClicked();
    void resetClicked();
    void leaveClicked();
    void nextViewClicked();
    void replayClicked();
    // sync() has shown a preset; its lecture_view names the companion chart of its story.
    void presetShown(const QString& lectureView);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitWidths();  // the preset's choice and the line edits, in the strip's type

    ParameterPanel* panel_;
    QComboBox* preset_;
    QLabel* caption_;
    QHBoxLayout* fields_;
    QPushButton* run_;
    QPushButton* view_;
    QPushButton* replay_;
    QStringList keys_;
};
