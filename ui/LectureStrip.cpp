#include "LectureStrip.h"
#include "CaptionText.h"
#include "Presets.h"

#include "ParameterField.h"

#include "ExperimentConfig.h"
#include "ParameterPanel.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionComboBox>
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
    // Tight spacing, so that a 1024-px projector's row holds figure 5d's whole title beside its two fields.
    row->setSpacing(4);
    fields_->setSpacing(4);
    for (const aedyn::Preset& p : aedyn::presets())
        preset_->addItem(QString::fromStdString(p.title), QString::fromStdString(p.name));
    preset_->setToolTip(tr("← / → : previous / next preset"));
    preset_->installEventFilter(this);
    auto* reset = new QPushButton(tr("↺ Reset"));
    auto* leave = new QPushButton(tr("Leave (Esc)"));
    // The longest title must not set the strip's width: at 1024 px and projector type the row still fits.
    preset_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    preset_->setMinimumContentsLength(10);
    run_->setToolTip(tr("Space"));
    reset->setToolTip(tr("R"));
    // Two rows, so that the strip fits a 1024-px projector whatever the preset's fields: the preset, Run, Reset
    // and the fields; then the caption, with the view and leave buttons at its right.
    row->addWidget(preset_, 1);
    row->addWidget(run_);
    row->addWidget(reset);
    // Spare width goes to the preset's title first, up to its whole length (fitWidths: figure 5's was cut at
    // 1280 px with room to spare), then to the end of the row.
    row->addLayout(fields_, 0);
    row->addStretch(0);
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
    if (!p) {
        fitWidths();
        return;
    }
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
        field->setMaximumWidth(220);  // line edits: narrower still (fitWidths)
        // At its natural width: spare room goes to the preset's title (a line edit would take it first).
        field->setSizePolicy(QSizePolicy::Preferred, field->sizePolicy().verticalPolicy());
        // A choice's longest value must not widen the strip past a small screen.
        if (auto* combo = qobject_cast<QComboBox*>(field)) {
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(7);
        }
        onParameterFieldEdited(field, this, [this, key](const QString& text) { panel_->setValue(key, text); });
        fields_->addWidget(field);
    }
    fitWidths();
    // The row's spare width after the fields, not between a name and its field (figure 5's "rule" stood 120 px
    // from its choice).
    fields_->addStretch(1);
}

void LectureStrip::fitWidths()
{
    // The title as wide as it needs in this font, and no wider: beyond it the row's stretch takes the room.
    QStyleOptionComboBox option;
    option.initFrom(preset_);
    option.currentText = preset_->currentText();
    const QFontMetrics metrics = preset_->fontMetrics();
    const QSize text(metrics.horizontalAdvance(option.currentText), metrics.height());
    preset_->setMaximumWidth(preset_->style()->sizeFromContents(QStyle::CT_ComboBox, &option, text, preset_).width() + 8);
    // Play-with values are short ("3,5,9", "64"): room for the value and a character more, at least four, not a line
    // edit's usual seventeen, which took the title's room at 1024 px. A longer value typed in scrolls.
    for (QLineEdit* edit : findChildren<QLineEdit*>())
        if (keys_.contains(edit->objectName())) {
            const auto digits = std::max<qsizetype>(4, edit->text().size() + 1);
            edit->setMaximumWidth(metrics.horizontalAdvance(QString(digits, QLatin1Char('0'))) + 16);
        }
}

bool LectureStrip::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == preset_ && event->type() == QEvent::FontChange)
        fitWidths();  // lecture type reaches the choice after the strip is built
    return QWidget::eventFilter(watched, event);
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
