#include "LectureStrip.h"
#include "CaptionText.h"
#include "Presets.h"

#include "ParameterField.h"

#include "ExperimentConfig.h"
#include "ParameterPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

LectureStrip::LectureStrip(ParameterPanel* panel, QWidget* parent)
    : QWidget(parent)
    , panel_(panel)
    , preset_(new QComboBox)
    , caption_(new QLabel)
    , fields_(new QHBoxLayout)
    , run_(new QPushButton)
    , view_(new QPushButton)
    , replay_(new QPushButton)
{
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    for (const aedyn::Preset& p : aedyn::presets())
        preset_->addItem(QString::fromStdString(p.title), QString::fromStdString(p.name));
    preset_->setToolTip(tr("← / → : previous / next preset"));
    auto* reset = new QPushButton(tr("↺ Reset"));
    auto* leave = new QPushButton(tr("Leave (Esc)"));
    // The longest title must not set the strip's width: at 1024 px and projector type the row still fits.
    preset_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    preset_->setMinimumContentsLength(10);
    run_->setToolTip(tr("Space"));
    reset->setToolTip(tr("R"));
    // Two rows, so that the strip fits a 1024-px projector whatever the preset's fields: the preset, Run, Reset
    // and the fields; then the caption, with the view and leave buttons at its right.
    row->addWidget(preset_, 2);
    row->addWidget(run_);
    row->addWidget(reset);
    row->addLayout(fields_, 2);
    row->addStretch(1);
    layout->addLayout(row);
    auto* story = new QHBoxLayout;
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);  // captionHtml() escapes; a caption without markup is still HTML
    story->addWidget(caption_, 1);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(view_);
    buttons->addWidget(replay_);
    buttons->addWidget(leave);
    buttons->addStretch(1);
    story->addLayout(buttons);
    layout->addLayout(story);
    view_->setToolTip(tr("The chart beside the learning curve (V)"));
    replay_->setToolTip(tr("Step the time through the run, so the overlap map moves with the learning curve (P)"));
    for (QWidget* w : std::initializer_list<QWidget*>{preset_, run_, reset, view_, replay_, leave})
        w->setFocusPolicy(Qt::NoFocus);  // Space, R and the arrows belong to the lecture, not to a button
    connect(run_, &QPushButton::clicked, this, &LectureStrip::runPauseClicked);
    connect(reset, &QPushButton::clicked, this, &LectureStrip::resetClicked);
    connect(leave, &QPushButton::clicked, this, &LectureStrip::leaveClicked);
    connect(view_, &QPushButton::clicked, this, &LectureStrip::nextViewClicked);
    connect(replay_, &QPushButton::clicked, this, &LectureStrip::replayClicked);
    connect(preset_, &QComboBox::activated, this, [this] {
        panel_->selectPreset(preset_->currentData().toString());
        sync();
    });
    setRunning(false, false);
    setReplaying(false);
}

void LectureStrip::setReplaying(bool replaying)
{
    replay_->setText(replaying ? tr("■ Stop replay (P)") : tr("⟲ Replay (P)"));
}

void LectureStrip::sync()
{
    const aedyn::Preset* p = aedyn::findPreset(panel_->presetName().toStdString());
    {
        const QSignalBlocker block(preset_);
        preset_->setCurrentIndex(preset_->findData(panel_->presetName()));
    }
    caption_->setText(p ? captionHtml(QString::fromStdString(p->caption)) : QString());
    while (QLayoutItem* item = fields_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    keys_.clear();
    if (!p)
        return;
    emit presetShown(QString::fromStdString(p->lectureView));
    // Each field edits the panel's field of the same key, as if typed there.
    for (const std::string& key : p->playWith) {
        const QString name = QString::fromStdString(key);
        keys_ << name;
        const aedyn::ParameterSpec* spec = aedyn::findParameter(key);
        if (!spec) {
            fields_->addWidget(new QLabel(name));
            continue;
        }
        QWidget* field = makeParameterField(*spec);
        // A check box carries its name itself: a label apart from it drifted away when the row stretched.
        if (auto* box = qobject_cast<QCheckBox*>(field))
            box->setText(name);
        else
            fields_->addWidget(new QLabel(name));
        setParameterFieldText(field, panel_->value(key));
        field->setFocusPolicy(Qt::ClickFocus);  // ← → Space stay the lecture's keys
        field->setMaximumWidth(220);
        // A choice's longest value must not widen the strip past a small screen.
        if (auto* combo = qobject_cast<QComboBox*>(field)) {
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(7);
        }
        onParameterFieldEdited(field, this, [this, key](const QString& text) { panel_->setValue(key, text); });
        fields_->addWidget(field);
    }
}

void LectureStrip::setViewLabel(const QString& text) { view_->setText(text); }

QString LectureStrip::viewLabel() const { return view_->text(); }

void LectureStrip::setRunning(bool running, bool paused)
{
    run_->setText(!running ? tr("▶ Run") : paused ? tr("▶ Resume") : tr("❚❚ Pause"));
}

void LectureStrip::stepPreset(int step)
{
    const int index = std::clamp(preset_->currentIndex() + step, 0, preset_->count() - 1);
    if (index == preset_->currentIndex())
        return;
    panel_->selectPreset(preset_->itemData(index).toString());
    sync();
}
