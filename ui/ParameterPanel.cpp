#include "ParameterPanel.h"
#include "CaptionText.h"

#include "ParameterField.h"
#include "Presets.h"
#include "ResourceEstimate.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QFileDialog>
#include <QLineEdit>
#include <QStyle>
#include <QVBoxLayout>

namespace {

// Colours that keep a contrast of about 4:1 on the light and on the dark theme's ground.
const QString errorStyle = QStringLiteral("color: #E03C3C; font-weight: bold");

} // namespace

ParameterPanel::ParameterPanel(QWidget* parent)
    : QWidget(parent)
    , preset_(new QComboBox)
    , caption_(new QLabel)
    , problemLabel_(new QLabel)
    , eigenvalues_(new QLabel)
    , changedLabel_(new QLabel)
{
    auto* layout = new QVBoxLayout(this);
    auto* presetForm = new QFormLayout;
    for (const aedyn::Preset& p : aedyn::presets())
        preset_->addItem(QString::fromStdString(p.title), QString::fromStdString(p.name));
    preset_->setToolTip(QStringLiteral("The settings of one figure of the paper"));
    presetForm->addRow(QStringLiteral("Preset"), preset_);
    layout->addLayout(presetForm);
    // The caption says what to watch for; it sits right under the chooser, where a lecturer sees it.
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);
    caption_->setFrameShape(QFrame::StyledPanel);
    caption_->setMargin(6);
    layout->addWidget(caption_);
    // So that nobody takes an edited preset for the paper's figure.
    changedLabel_->setObjectName(QStringLiteral("changedFromPreset"));
    changedLabel_->setWordWrap(true);
    changedLabel_->setStyleSheet(QStringLiteral("color: #B07000"));
    changedLabel_->setVisible(false);
    layout->addWidget(changedLabel_);
    auto* note = new QLabel(QStringLiteral("Every parameter change recomputes the theory at once and greys the old "
                                           "curves; Run restarts the simulation with it. The display options in the "
                                           "toolbar and the fit window apply live."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #7A7A7A"));
    layout->addWidget(note);
    // A problem whose message does not start with a key of the panel is shown here instead of under a field.
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(errorStyle);
    problemLabel_->setVisible(false);
    layout->addWidget(problemLabel_);

    // One group box per schema group, in the schema's group order; keys without a group (M, the length of the
    // spike list) have no field of their own.
    for (const std::string& group : aedyn::parameterGroups()) {
        auto* box = new QGroupBox(QString::fromStdString(group));
        box->setObjectName(QString::fromStdString(group));
        auto* form = new QFormLayout(box);
        for (const aedyn::ParameterSpec& spec : aedyn::parameterSchema()) {
            if (spec.group != group)
                continue;
            addField(form, spec);
            if (spec.key == "spikes") {
                eigenvalues_->setWordWrap(true);
                eigenvalues_->setToolTip(QStringLiteral("Eigenvalues ρ/D of the input covariance that these spikes give"));
                form->addRow(QString(), eigenvalues_);
            }
        }
        layout->addWidget(box);
    }
    layout->addStretch(1);

    connect(preset_, &QComboBox::currentIndexChanged, this, [this] { selectPreset(presetName()); });
    selectPreset(QStringLiteral("fig2-sequential"));
}

void ParameterPanel::addField(QFormLayout* form, const aedyn::ParameterSpec& spec)
{
    QWidget* field = makeParameterField(spec);
    onParameterFieldEdited(field, this, [this](const QString&) { revalidate(); });
    if (spec.key == "images" || spec.key == "test_images")
        addBrowseActions(static_cast<QLineEdit*>(field), spec.key == "images");
    fields_[spec.key] = field;
    forms_[spec.key] = form;
    form->addRow(parameterLabel(spec), field);
    // The reason a value is refused appears right under its field.
    auto* error = new QLabel;
    error->setWordWrap(true);
    error->setStyleSheet(errorStyle);
    form->addRow(QString(), error);
    form->setRowVisible(error, false);
    errors_[spec.key] = error;
}

void ParameterPanel::addBrowseActions(QLineEdit* edit, bool folderToo)
{
    // A user's own data: an IDX file (gzip or plain), or for the training images also a folder (CIFAR-10's
    // cifar-10-batches-bin, or a folder with train-images-idx3-ubyte).
    auto chosen = [this, edit](const QString& path) {
        if (path.isEmpty())
            return;
        edit->setText(path);
        revalidate();
    };
    QAction* file = edit->addAction(style()->standardIcon(QStyle::SP_FileIcon), QLineEdit::TrailingPosition);
    file->setToolTip(tr("Choose an IDX image file (.gz or plain)"));
    connect(file, &QAction::triggered, this, [this, chosen] {
        chosen(QFileDialog::getOpenFileName(this, tr("IDX image file"), QString(),
                                            tr("IDX images (*idx3-ubyte *idx3-ubyte.gz);;All files (*)")));
    });
    if (!folderToo)
        return;
    QAction* folder = edit->addAction(style()->standardIcon(QStyle::SP_DirIcon), QLineEdit::TrailingPosition);
    folder->setToolTip(tr("Choose a folder: CIFAR-10 (cifar-10-batches-bin) or an MNIST-format data set"));
    connect(folder, &QAction::triggered, this,
            [this, chosen] { chosen(QFileDialog::getExistingDirectory(this, tr("Image folder"))); });
}

QString ParameterPanel::value(const std::string& key) const { return parameterFieldText(fields_.at(key)); }

void ParameterPanel::setValue(const std::string& key, const QString& text)
{
    setParameterFieldText(fields_.at(key), text);
    revalidate();
}

void ParameterPanel::setConfig(const aedyn::ExperimentConfig& c)
{
    for (auto& [key, field] : fields_)
        setParameterFieldText(field, QString::fromStdString(aedyn::parameterValue(c, key)));
    revalidate();
}

bool ParameterPanel::selectPreset(const QString& name)
{
    const aedyn::Preset* p = aedyn::findPreset(name.toStdString());
    if (!p)
        return false;
    const QSignalBlocker block(preset_);
    preset_->setCurrentIndex(preset_->findData(name));
    caption_->setText(QStringLiteral("<b>%1</b><br>%2").arg(QString::fromStdString(p->title).toHtmlEscaped(),
                                                           captionHtml(QString::fromStdString(p->caption))));
    setConfig(aedyn::presetConfig(p->name));
    emit presetSelected(name);
    return true;
}

QString ParameterPanel::presetName() const { return preset_->currentData().toString(); }

QString ParameterPanel::problem() const { return problem_; }

void ParameterPanel::revalidate()
{
    aedyn::ExperimentConfig c;
    QString problem;
    std::string badKey;
    // Schema order, so that the first problem reported is the first field from the top.
    for (const aedyn::ParameterSpec& spec : aedyn::parameterSchema()) {
        const auto field = fields_.find(spec.key);
        if (field == fields_.end())
            continue;
        field->second->setStyleSheet(QString());
        try {
            spec.set(c, aedyn::parseParameter(spec, value(spec.key).toStdString()));
        } catch (const aedyn::ConfigError& e) {
            if (problem.isEmpty()) {
                problem = QString::fromStdString(e.what());
                badKey = e.key();
            }
        }
    }
    if (problem.isEmpty()) {
        try {
            aedyn::validate(c);
            // A configuration this machine cannot hold is refused here, before any worker allocates it.
            aedyn::checkResources(c, aedyn::availableMemoryBytes());
        } catch (const aedyn::ConfigError& e) {
            problem = QString::fromStdString(e.what());
            badKey = e.key();
        }
    }
    for (const auto& [key, error] : errors_) {
        error->setText(key == badKey ? problem : QString());
        forms_.at(key)->setRowVisible(error, key == badKey);
    }
    const bool placed = fields_.count(badKey) > 0;
    if (placed)
        fields_.at(badKey)->setStyleSheet(QStringLiteral("background: #FFE0E0; color: #400000"));
    problemLabel_->setText(problem);
    problemLabel_->setVisible(!problem.isEmpty() && !placed);
    problem_ = problem;
    problemKey_ = badKey;
    valid_ = problem.isEmpty() ? std::optional(c) : std::nullopt;
    QStringList changed;
    if (valid_ && aedyn::findPreset(presetName().toStdString())) {
        const auto preset = aedyn::parameterValues(aedyn::presetConfig(presetName().toStdString()));
        const auto now = aedyn::parameterValues(c);
        for (std::size_t i = 0; i < now.size() && i < preset.size(); ++i)
            if (now[i] != preset[i])
                changed << QStringLiteral("%1 = %2 (preset: %3)")
                               .arg(QString::fromStdString(now[i].first), QString::fromStdString(now[i].second),
                                    QString::fromStdString(preset[i].second));
    }
    changed_ = changed.join(QStringLiteral(", "));
    changedLabel_->setText(QStringLiteral("Changed from the preset: ") + changed_);
    changedLabel_->setVisible(!changed_.isEmpty());
    // Only the fields that mean something for the chosen spectrum are shown; with images D is the number of pixels.
    for (const auto& [key, field] : fields_)
        forms_.at(key)->setRowVisible(field, aedyn::parameterSpec(key).appliesTo(c.spectrum));
    emit configChanged();
}

void ParameterPanel::setEigenvalues(const std::vector<double>& rho, double bulkRho, long bulkCount)
{
    if (rho.empty()) {
        eigenvalues_->setText(QStringLiteral("ρ/D: computing…"));
        return;
    }
    QStringList parts;
    for (std::size_t i = 0; i < std::min<std::size_t>(rho.size(), 6); ++i)
        parts << QString::number(rho[i], 'g', 3);
    QString text = QStringLiteral("ρ/D = ") + parts.join(QStringLiteral(", ")) + (rho.size() > 6 ? QStringLiteral(", …") : QString());
    if (bulkCount > 0)
        text += QStringLiteral("; bulk %1 ×%2").arg(bulkRho, 0, 'g', 3).arg(bulkCount);
    eigenvalues_->setText(text);
}

QString ParameterPanel::eigenvaluesText() const { return eigenvalues_->text(); }
