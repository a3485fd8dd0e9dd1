#include "Presets.h"
#include "ParameterPanel.h"

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

const std::map<std::string, QStringList>& allChoices()
{
    static const std::map<std::string, QStringList> c{
        {"spectrum", {"spiked", "powerlaw", "images"}},
        {"rows", {"random", "sinusoidal"}},
        {"activation", {"erf", "relu", "linear"}},
        {"rule", {"vanilla", "truncated", "truncated-reference", "sanger"}},
        {"init", {"random", "informed", "perfect"}},
    };
    return c;
}

const QString errorStyle = QStringLiteral("color: #C00000; font-weight: bold");

} // namespace

bool ParameterPanel::isFlag(const std::string& key) { return key == "normalise" || key == "tied" || key == "bias"; }

QStringList ParameterPanel::choices(const std::string& key)
{
    const auto it = allChoices().find(key);
    return it == allChoices().end() ? QStringList() : it->second;
}

namespace {

// The key as in preset files and the CLI, with the paper's symbol where it has one.
QString label(const std::string& key)
{
    static const std::map<std::string, QString> symbols{
        {"spikes", QStringLiteral("Λ_m")}, {"sigma", QStringLiteral("σ")},     {"lr", QStringLiteral("η")},
        {"wd", QStringLiteral("κ")},       {"init_std", QStringLiteral("σ₀")}, {"bias_init", QStringLiteral("β₀")}};
    const QString name = QString::fromStdString(key);
    const auto it = symbols.find(key);
    return it == symbols.end() ? name : QStringLiteral("%1 (%2)").arg(name, it->second);
}

} // namespace

ParameterPanel::ParameterPanel(QWidget* parent)
    : QWidget(parent)
    , preset_(new QComboBox)
    , caption_(new QLabel)
    , problemLabel_(new QLabel)
    , eigenvalues_(new QLabel)
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
    caption_->setFrameShape(QFrame::StyledPanel);
    caption_->setMargin(6);
    layout->addWidget(caption_);
    auto* note = new QLabel(QStringLiteral("Every parameter change recomputes the theory at once and greys the old "
                                           "curves; Run restarts the simulation with it. The display options in the "
                                           "toolbar and the fit window apply live."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #505050"));
    layout->addWidget(note);
    // A problem whose message does not start with a key of the panel is shown here instead of under a field.
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(errorStyle);
    problemLabel_->setVisible(false);
    layout->addWidget(problemLabel_);

    const struct {
        const char* title;
        std::vector<std::string> keys;
    } groups[] = {{"Model", {"K", "activation", "tied", "bias", "bias_init"}},
                  {"Data", {"spectrum", "D", "spikes", "sigma", "rows", "normalise", "pl_amplitude", "pl_exponent",
                            "pl_floor", "images", "test_images", "datasize"}},
                  {"Training", {"rule", "lr", "wd", "runs", "seed", "t_max"}},
                  {"Initialisation", {"init", "init_std"}}};
    for (const auto& g : groups) {
        auto* box = new QGroupBox(QString::fromUtf8(g.title));
        auto* form = new QFormLayout(box);
        for (const std::string& key : g.keys) {
            addField(form, key);
            if (key == "spikes") {
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

void ParameterPanel::addField(QFormLayout* form, const std::string& key)
{
    QWidget* field = nullptr;
    if (const auto c = allChoices().find(key); c != allChoices().end()) {
        auto* combo = new QComboBox;
        combo->addItems(c->second);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });
        field = combo;
    } else if (isFlag(key)) {
        auto* check = new QCheckBox;
        connect(check, &QCheckBox::toggled, this, [this] { revalidate(); });
        field = check;
    } else {
        auto* edit = new QLineEdit;
        connect(edit, &QLineEdit::textEdited, this, [this] { revalidate(); });
        field = edit;
        if (key == "images" || key == "test_images")
            addBrowseActions(edit, key == "images");
    }
    field->setObjectName(QString::fromStdString(key));
    field->setToolTip(QString::fromStdString(aedyn::parameterHelp(key)));
    fields_[key] = field;
    forms_[key] = form;
    form->addRow(label(key), field);
    // The reason a value is refused appears right under its field.
    auto* error = new QLabel;
    error->setWordWrap(true);
    error->setStyleSheet(errorStyle);
    form->addRow(QString(), error);
    form->setRowVisible(error, false);
    errors_[key] = error;
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

QString ParameterPanel::value(const std::string& key) const
{
    QWidget* f = fields_.at(key);
    if (auto* c = qobject_cast<QComboBox*>(f))
        return c->currentText();
    if (auto* c = qobject_cast<QCheckBox*>(f))
        return c->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    return static_cast<QLineEdit*>(f)->text();
}

void ParameterPanel::setValue(const std::string& key, const QString& text)
{
    QWidget* f = fields_.at(key);
    if (auto* c = qobject_cast<QComboBox*>(f))
        c->setCurrentText(text);
    else if (auto* c = qobject_cast<QCheckBox*>(f))
        c->setChecked(text == QLatin1String("true"));
    else
        static_cast<QLineEdit*>(f)->setText(text);
    revalidate();
}

void ParameterPanel::setConfig(const aedyn::ExperimentConfig& c)
{
    filling_ = true;
    for (auto& [key, field] : fields_)
        setValue(key, QString::fromStdString(aedyn::parameterValue(c, key)));
    filling_ = false;
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
                                                           QString::fromStdString(p->caption).toHtmlEscaped()));
    setConfig(aedyn::presetConfig(p->name));
    return true;
}

QString ParameterPanel::presetName() const { return preset_->currentData().toString(); }

QString ParameterPanel::problem() const { return problem_; }

void ParameterPanel::revalidate()
{
    if (filling_)
        return;
    aedyn::ExperimentConfig c;
    QString problem;
    std::string badKey;
    for (const auto& [key, field] : fields_) {
        field->setStyleSheet(QString());
        try {
            aedyn::setParameter(c, key, value(key).toStdString());
        } catch (const aedyn::ConfigError& e) {
            if (problem.isEmpty()) {
                problem = QString::fromStdString(e.what());
                badKey = key;
            }
        }
    }
    if (problem.isEmpty()) {
        try {
            aedyn::validate(c);
        } catch (const aedyn::ConfigError& e) {
            problem = QString::fromStdString(e.what());
            badKey = problem.section(QLatin1Char(' '), 0, 0).toStdString();  // messages start with the key
            if (badKey == "M")
                badKey = "spikes";  // the number of spikes is the length of the list
        }
    }
    for (const auto& [key, error] : errors_) {
        error->setText(key == badKey ? problem : QString());
        forms_.at(key)->setRowVisible(error, key == badKey);
    }
    const bool placed = fields_.count(badKey) > 0;
    if (placed)
        fields_.at(badKey)->setStyleSheet(QStringLiteral("background: #FFE0E0"));
    problemLabel_->setText(problem);
    problemLabel_->setVisible(!problem.isEmpty() && !placed);
    problem_ = problem;
    valid_ = problem.isEmpty() ? std::optional(c) : std::nullopt;
    // Only the fields of the chosen spectrum are shown; with images D is the number of pixels.
    const auto kind = c.spectrum;
    auto show = [this](std::initializer_list<const char*> keys, bool visible) {
        for (const char* key : keys)
            forms_.at(key)->setRowVisible(fields_.at(key), visible);
    };
    show({"spikes", "sigma", "rows"}, kind == aedyn::SpectrumKind::Spiked);
    show({"pl_amplitude", "pl_exponent", "pl_floor"}, kind == aedyn::SpectrumKind::PowerLaw);
    show({"images", "test_images", "datasize"}, kind == aedyn::SpectrumKind::Images);
    show({"D", "normalise"}, kind != aedyn::SpectrumKind::Images);
    emit configChanged();
}

void ParameterPanel::setEigenvalues(const std::vector<double>& rho, double bulkRho, long bulkCount)
{
    QStringList parts;
    for (std::size_t i = 0; i < std::min<std::size_t>(rho.size(), 6); ++i)
        parts << QString::number(rho[i], 'g', 3);
    QString text = QStringLiteral("ρ/D = ") + parts.join(QStringLiteral(", ")) + (rho.size() > 6 ? QStringLiteral(", …") : QString());
    if (bulkCount > 0)
        text += QStringLiteral("; bulk %1 ×%2").arg(bulkRho, 0, 'g', 3).arg(bulkCount);
    eigenvalues_->setText(text);
}
