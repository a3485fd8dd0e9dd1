#pragma once
// The parameter dock: the preset chooser, one field per schema key in the schema's groups, validation as the
// user types (the core's message, naming the bad value, shown in red under the field the error's key names, and
// Run disabled until it is fixed), the eigenvalues that the spikes produce, and the preset's caption.
#include "ExperimentConfig.h"
#include "ParameterSchema.h"

#include <QWidget>

#include <map>
#include <optional>

class QComboBox;
class QLabel;

class ParameterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParameterPanel(QWidget* parent = nullptr);

    void setConfig(const aedyn::ExperimentConfig& c);
    bool selectPreset(const QString& name);
    QString presetName() const;
    // The configuration in the fields, or nothing when a field is invalid (see problem()).
    std::optional<aedyn::ExperimentConfig> config() const { return valid_; }
    QString problem() const;
    // The eigenvalues of the theory's spectrum; an empty list shows that they are being computed.
    void setEigenvalues(const std::vector<double>& rho, double bulkRho, long bulkCount);
    QString eigenvaluesText() const;
    void setValue(const std::string& key, const QString& text);  // as if typed by the user
    QString value(const std::string& key) const;
    // The key that problem() is about (empty when it belongs to no single field).
    std::string problemKey() const { return problemKey_; }
    // "lr = 0.5 (preset: 1), …": what differs from the chosen preset, shown under its caption; empty when nothing.
    QString changedFromPreset() const { return changed_; }

signals:
    void configChanged();
    // A preset was chosen (by the user, the lecture strip or a project): a new experiment begins.
    void presetSelected(const QString& name);

private:
    void addField(class QFormLayout* form, const aedyn::ParameterSpec& spec);
    void addBrowseActions(class QLineEdit* edit, bool folderToo);
    void revalidate();

    QComboBox* preset_;
    QLabel* caption_;
    QLabel* problemLabel_;  // a problem that names no field
    QLabel* eigenvalues_;
    QLabel* changedLabel_;
    QString changed_;
    std::map<std::string, QWidget*> fields_;
    std::map<std::string, class QFormLayout*> forms_;
    std::map<std::string, QLabel*> errors_;
    QString problem_;
    std::string problemKey_;
    std::optional<aedyn::ExperimentConfig> valid_;
};
